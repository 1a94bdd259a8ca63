//! A grouped bar chart as hand-written SVG: one group per benchmark, one
//! bar per implementation, on a logarithmic time axis (the implementations
//! differ by factors, and a linear axis would flatten the fast ones to
//! nothing). Plain SVG 1.1 with no scripts or external fonts, so it renders
//! the same on GitHub, in a browser or in an image viewer.
//!
//! Only the bars are `<rect>` elements (the background and the legend
//! swatches are paths), so a reader — or a test — can count bars.

/// The data of a chart: `values[group][series]` in seconds, `None` where an
/// implementation has no figure (it failed), drawn as a cross.
#[derive(Clone, Debug)]
pub struct BarChart {
    pub title: String,
    pub y_label: String,
    pub x_label: String,
    pub groups: Vec<String>,
    pub series: Vec<String>,
    pub values: Vec<Vec<Option<f64>>>,
}

/// Series colours (Tableau 10), in order.
const PALETTE: &[&str] = &[
    "#4e79a7", "#f28e2b", "#59a14f", "#e15759", "#76b7b2", "#edc948", "#b07aa1", "#ff9da7",
];

const BAR_WIDTH: f64 = 16.0;
const GROUP_GAP: f64 = 20.0;
const LEFT: f64 = 78.0;
const RIGHT: f64 = 24.0;
const TOP: f64 = 74.0;
const PLOT_HEIGHT: f64 = 300.0;
const FONT: &str = "font-family=\"Helvetica, Arial, sans-serif\"";

impl BarChart {
    /// The chart as a standalone SVG document.
    pub fn to_svg(&self) -> String {
        let n_series = self.series.len().max(1);
        let group_width = n_series as f64 * BAR_WIDTH + GROUP_GAP;
        let plot_width = (group_width * self.groups.len().max(1) as f64).max(360.0);
        // Long names are turned 35° so they do not run into each other.
        let longest = self
            .groups
            .iter()
            .map(|g| g.chars().count())
            .max()
            .unwrap_or(0);
        let rotate = longest as f64 * 6.5 > group_width;
        let label_room = if rotate {
            longest as f64 * 5.0 + 20.0
        } else {
            22.0
        };
        let width = LEFT + plot_width + RIGHT;
        let bottom = TOP + PLOT_HEIGHT;
        let height = bottom + label_room + 34.0;
        let (lo, hi) = self.decades();
        let y = |v: f64| bottom - (v.log10() - lo as f64) / (hi - lo) as f64 * PLOT_HEIGHT;

        let mut s = String::new();
        s.push_str(&format!(
            "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{width:.0}\" height=\"{height:.0}\" \
             viewBox=\"0 0 {width:.0} {height:.0}\" {FONT} font-size=\"12\">\n"
        ));
        s.push_str(&format!(
            "<path d=\"M0 0H{width:.0}V{height:.0}H0Z\" fill=\"#ffffff\"/>\n"
        ));
        s.push_str(&format!(
            "<text x=\"{:.1}\" y=\"22\" text-anchor=\"middle\" font-size=\"15\" font-weight=\"bold\">{}</text>\n",
            width / 2.0,
            esc(&self.title)
        ));
        // Legend, one row under the title.
        let mut lx = LEFT;
        for (k, name) in self.series.iter().enumerate() {
            s.push_str(&format!(
                "<path d=\"M{lx:.1} 38h12v12h-12Z\" fill=\"{}\"/>\
                 <text x=\"{:.1}\" y=\"48.5\">{}</text>\n",
                PALETTE[k % PALETTE.len()],
                lx + 16.0,
                esc(name)
            ));
            lx += 16.0 + name.chars().count() as f64 * 7.0 + 18.0;
        }
        // Grid and y ticks: every decade, and 2x, 5x within each.
        for d in lo..=hi {
            for m in [1.0, 2.0, 5.0] {
                let v = m * 10f64.powi(d);
                if d == hi && m > 1.0 {
                    break;
                }
                let yy = y(v);
                let major = m == 1.0;
                s.push_str(&format!(
                    "<path d=\"M{LEFT} {yy:.1}H{:.1}\" stroke=\"{}\"{}/>\n",
                    LEFT + plot_width,
                    if major { "#c8c8c8" } else { "#e6e6e6" },
                    if major {
                        ""
                    } else {
                        " stroke-dasharray=\"3 3\""
                    }
                ));
                if major || hi - lo <= 2 {
                    s.push_str(&format!(
                        "<text x=\"{:.1}\" y=\"{:.1}\" text-anchor=\"end\"{}>{}</text>\n",
                        LEFT - 6.0,
                        yy + 4.0,
                        if major { "" } else { " fill=\"#777777\"" },
                        tick_label(v)
                    ));
                }
            }
        }
        // Bars.
        for (g, name) in self.groups.iter().enumerate() {
            let gx = LEFT + g as f64 * group_width + GROUP_GAP / 2.0;
            for (k, series) in self.series.iter().enumerate() {
                let x = gx + k as f64 * BAR_WIDTH;
                match self
                    .values
                    .get(g)
                    .and_then(|row| row.get(k))
                    .copied()
                    .flatten()
                {
                    Some(v) if v > 0.0 && v.is_finite() => {
                        let top = y(v);
                        s.push_str(&format!(
                            "<rect x=\"{x:.1}\" y=\"{top:.1}\" width=\"{:.1}\" height=\"{:.1}\" fill=\"{}\">\
                             <title>{}, {}: {}</title></rect>\n",
                            BAR_WIDTH - 2.0,
                            (bottom - top).max(0.5),
                            PALETTE[k % PALETTE.len()],
                            esc(name),
                            esc(series),
                            super::table::seconds(v)
                        ));
                    }
                    _ => s.push_str(&format!(
                        "<text x=\"{:.1}\" y=\"{:.1}\" text-anchor=\"middle\" fill=\"#c00000\">\
                         ×<title>{}, {}: failed</title></text>\n",
                        x + BAR_WIDTH / 2.0 - 1.0,
                        bottom - 4.0,
                        esc(name),
                        esc(series)
                    )),
                }
            }
            let cx = gx + n_series as f64 * BAR_WIDTH / 2.0;
            if rotate {
                s.push_str(&format!(
                    "<text x=\"{cx:.1}\" y=\"{:.1}\" text-anchor=\"end\" \
                     transform=\"rotate(-35 {cx:.1} {:.1})\">{}</text>\n",
                    bottom + 16.0,
                    bottom + 16.0,
                    esc(name)
                ));
            } else {
                s.push_str(&format!(
                    "<text x=\"{cx:.1}\" y=\"{:.1}\" text-anchor=\"middle\">{}</text>\n",
                    bottom + 16.0,
                    esc(name)
                ));
            }
        }
        // Axes and their labels.
        s.push_str(&format!(
            "<path d=\"M{LEFT} {TOP}V{bottom}H{:.1}\" fill=\"none\" stroke=\"#333333\"/>\n",
            LEFT + plot_width
        ));
        let mid_y = TOP + PLOT_HEIGHT / 2.0;
        s.push_str(&format!(
            "<text x=\"18\" y=\"{mid_y:.1}\" text-anchor=\"middle\" transform=\"rotate(-90 18 {mid_y:.1})\">{}</text>\n",
            esc(&self.y_label)
        ));
        s.push_str(&format!(
            "<text x=\"{:.1}\" y=\"{:.1}\" text-anchor=\"middle\">{}</text>\n",
            LEFT + plot_width / 2.0,
            height - 10.0,
            esc(&self.x_label)
        ));
        s.push_str("</svg>\n");
        s
    }

    /// The axis range as powers of ten: the decades around every value, the
    /// shortest bar at least a tenth of a decade high.
    fn decades(&self) -> (i32, i32) {
        let vals: Vec<f64> = self
            .values
            .iter()
            .flatten()
            .flatten()
            .copied()
            .filter(|v| *v > 0.0 && v.is_finite())
            .collect();
        if vals.is_empty() {
            return (-2, 0);
        }
        let min = vals.iter().copied().fold(f64::INFINITY, f64::min);
        let max = vals.iter().copied().fold(0.0, f64::max);
        // A bar just above the floor would be invisible: keep a margin.
        let lo = (min.log10() - 0.1).floor() as i32;
        let hi = (max.log10().ceil() as i32).max(lo + 1);
        (lo, hi)
    }
}

/// A tick value in seconds: `1 ms`, `20 ms`, `0.5 s`… (no float noise).
fn tick_label(v: f64) -> String {
    let (x, unit) = if v < 1e-3 {
        (v * 1e6, "µs")
    } else if v < 1.0 {
        (v * 1e3, "ms")
    } else {
        (v, "s")
    };
    let x = (x * 1000.0).round() / 1000.0;
    format!("{x} {unit}")
}

/// Text made safe for SVG element content and attribute values.
fn esc(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
        .replace('\'', "&#39;")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn chart(values: Vec<Vec<Option<f64>>>) -> BarChart {
        BarChart {
            title: "t <&>".into(),
            y_label: "seconds".into(),
            x_label: "benchmark".into(),
            groups: vec!["fib".into(), "loops".into()],
            series: vec!["python".into(), "tree".into()],
            values,
        }
    }

    #[test]
    fn one_rect_per_bar_and_a_cross_for_a_missing_one() {
        let svg = chart(vec![vec![Some(0.2), Some(1.5)], vec![Some(0.05), None]]).to_svg();
        assert!(svg.starts_with("<svg xmlns=\"http://www.w3.org/2000/svg\""));
        assert!(svg.trim_end().ends_with("</svg>"));
        assert_eq!(svg.matches("<rect").count(), 3);
        assert!(svg.contains("loops, tree: failed"));
        assert!(svg.contains("t &lt;&amp;&gt;"));
        // Legend and axis labels.
        assert!(svg.contains(">python</text>") && svg.contains(">tree</text>"));
        assert!(svg.contains(">seconds</text>") && svg.contains(">benchmark</text>"));
    }

    #[test]
    fn the_axis_spans_whole_decades() {
        let c = chart(vec![
            vec![Some(0.05), Some(1.5)],
            vec![Some(0.2), Some(0.3)],
        ]);
        assert_eq!(c.decades(), (-2, 1));
        let c = chart(vec![vec![Some(0.2), Some(0.3)], vec![None, None]]);
        assert_eq!(c.decades(), (-1, 0));
        let svg = c.to_svg();
        assert!(svg.contains(">100 ms</text>") && svg.contains(">1 s</text>"));
    }

    #[test]
    fn bar_heights_are_logarithmic() {
        let svg = chart(vec![
            vec![Some(0.01), Some(0.1)],
            vec![Some(1.0), Some(1.0)],
        ])
        .to_svg();
        let heights: Vec<f64> = svg
            .match_indices("height=\"")
            .skip(1) // the <svg> element's own
            .map(|(i, _)| {
                let rest = &svg[i + 8..];
                rest[..rest.find('"').unwrap()].parse().unwrap()
            })
            .collect();
        // The axis runs from 1 ms to 1 s; each decade adds the same height.
        assert_eq!(heights.len(), 4);
        let third = PLOT_HEIGHT / 3.0;
        assert!((heights[0] - third).abs() < 0.11);
        assert!((heights[1] - 2.0 * third).abs() < 0.11);
        assert!((heights[2] - PLOT_HEIGHT).abs() < 0.11);
    }
}
