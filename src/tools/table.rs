//! Text tables for the terminal (aligned columns) or for a README
//! (Markdown), and the number formats used in them, so that both tools
//! print figures the same way.

/// A table: a header row and body rows of cells. The first column is
/// text (left-aligned), the others figures (right-aligned).
#[derive(Clone, Debug, Default)]
pub struct Table {
    pub header: Vec<String>,
    pub rows: Vec<Vec<String>>,
}

impl Table {
    pub fn new(header: Vec<String>) -> Table {
        Table {
            header,
            rows: Vec::new(),
        }
    }

    pub fn push(&mut self, row: Vec<String>) {
        self.rows.push(row);
    }

    fn widths(&self) -> Vec<usize> {
        let mut w: Vec<usize> = self.header.iter().map(|h| h.chars().count()).collect();
        for row in &self.rows {
            for (k, cell) in row.iter().enumerate() {
                if k < w.len() {
                    w[k] = w[k].max(cell.chars().count());
                } else {
                    w.push(cell.chars().count());
                }
            }
        }
        w
    }

    /// Columns padded and separated by two spaces.
    pub fn render(&self) -> String {
        let widths = self.widths();
        let mut out = String::new();
        for row in std::iter::once(&self.header).chain(&self.rows) {
            let mut line = String::new();
            for (k, width) in widths.iter().enumerate() {
                let cell = row.get(k).map(String::as_str).unwrap_or("");
                if k > 0 {
                    line.push_str("  ");
                }
                if k == 0 {
                    line.push_str(&format!("{cell:<width$}"));
                } else {
                    line.push_str(&format!("{cell:>width$}"));
                }
            }
            out.push_str(line.trim_end());
            out.push('\n');
        }
        out
    }

    /// A GitHub-flavoured Markdown table with the same alignment.
    pub fn render_markdown(&self) -> String {
        let widths = self.widths();
        let line = |row: &Vec<String>| {
            let cells: Vec<String> = widths
                .iter()
                .enumerate()
                .map(|(k, width)| {
                    let cell = row.get(k).map(String::as_str).unwrap_or("");
                    if k == 0 {
                        format!("{cell:<width$}")
                    } else {
                        format!("{cell:>width$}")
                    }
                })
                .collect();
            format!("| {} |\n", cells.join(" | "))
        };
        let mut out = line(&self.header);
        let rule: Vec<String> = widths
            .iter()
            .enumerate()
            .map(|(k, &width)| {
                let dashes = "-".repeat(width.max(3) - 1);
                if k == 0 {
                    format!(":{dashes}")
                } else {
                    format!("{dashes}:")
                }
            })
            .collect();
        out.push_str(&format!("| {} |\n", rule.join(" | ")));
        for row in &self.rows {
            out.push_str(&line(row));
        }
        out
    }
}

/// A duration in seconds with about three significant digits and a unit
/// that keeps it readable: `812 µs`, `43.2 ms`, `1.27 s`.
pub fn seconds(s: f64) -> String {
    if !s.is_finite() {
        return "-".into();
    }
    let (value, unit) = if s < 1e-3 {
        (s * 1e6, "µs")
    } else if s < 1.0 {
        (s * 1e3, "ms")
    } else {
        (s, "s")
    };
    format!("{} {unit}", three_digits(value))
}

/// A ratio such as a speed-up: `2.31x`, `0.85x`, `14.2x`.
pub fn ratio(r: f64) -> String {
    if !r.is_finite() {
        return "-".into();
    }
    format!("{}x", three_digits(r))
}

fn three_digits(v: f64) -> String {
    if v >= 100.0 {
        format!("{v:.0}")
    } else if v >= 10.0 {
        format!("{v:.1}")
    } else {
        format!("{v:.2}")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plain_and_markdown_alignment() {
        let mut t = Table::new(vec!["name".into(), "time".into()]);
        t.push(vec!["fib".into(), "1.20 s".into()]);
        t.push(vec!["loops".into(), "15 ms".into()]);
        assert_eq!(t.render(), "name     time\nfib    1.20 s\nloops   15 ms\n");
        assert_eq!(
            t.render_markdown(),
            "| name  |   time |\n| :---- | -----: |\n| fib   | 1.20 s |\n| loops |  15 ms |\n"
        );
    }

    #[test]
    fn number_formats() {
        assert_eq!(seconds(0.000812), "812 µs");
        assert_eq!(seconds(0.0432), "43.2 ms");
        assert_eq!(seconds(1.2734), "1.27 s");
        assert_eq!(seconds(f64::NAN), "-");
        assert_eq!(ratio(2.314), "2.31x");
        assert_eq!(ratio(14.24), "14.2x");
    }
}
