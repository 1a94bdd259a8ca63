//! The two summaries the tools print. Wall times of repeated runs are
//! skewed by the occasional slow run (a page-cache miss, another process),
//! so one run's figure is the *median*; ratios between implementations are
//! multiplicative, so a suite's summary is their *geometric* mean, which
//! weighs a 2x win on one program and a 2x loss on another as a wash.

/// The middle value (the mean of the two middle values for an even count);
/// `None` for no values. NaNs are ordered after every number.
pub fn median(values: &[f64]) -> Option<f64> {
    if values.is_empty() {
        return None;
    }
    let mut v = values.to_vec();
    v.sort_by(|a, b| a.total_cmp(b));
    let n = v.len();
    Some(if n % 2 == 1 {
        v[n / 2]
    } else {
        (v[n / 2 - 1] + v[n / 2]) / 2.0
    })
}

/// The n-th root of the product, computed through logarithms so that long
/// lists neither overflow nor underflow; `None` for no values or for any
/// value that is not a positive finite number.
pub fn geomean(values: &[f64]) -> Option<f64> {
    if values.is_empty() || values.iter().any(|v| !(v.is_finite() && *v > 0.0)) {
        return None;
    }
    let mean_log = values.iter().map(|v| v.ln()).sum::<f64>() / values.len() as f64;
    Some(mean_log.exp())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn median_of_odd_and_even_counts() {
        assert_eq!(median(&[]), None);
        assert_eq!(median(&[4.0]), Some(4.0));
        assert_eq!(median(&[3.0, 1.0, 2.0]), Some(2.0));
        assert_eq!(median(&[4.0, 1.0, 3.0, 2.0]), Some(2.5));
        // One outlier does not move it.
        assert_eq!(median(&[1.0, 1.1, 100.0]), Some(1.1));
    }

    #[test]
    fn geomean_is_multiplicative() {
        assert_eq!(geomean(&[]), None);
        let g = geomean(&[2.0, 8.0]).unwrap();
        assert!((g - 4.0).abs() < 1e-12);
        // A 2x win and a 2x loss cancel out.
        let g = geomean(&[2.0, 0.5]).unwrap();
        assert!((g - 1.0).abs() < 1e-12);
        assert_eq!(geomean(&[1.0, 0.0]), None);
        assert_eq!(geomean(&[1.0, -1.0]), None);
        assert_eq!(geomean(&[1.0, f64::NAN]), None);
    }

    #[test]
    fn geomean_of_many_small_values_does_not_underflow() {
        let v = vec![1e-300; 1000];
        let g = geomean(&v).unwrap();
        assert!((g / 1e-300 - 1.0).abs() < 1e-9);
    }
}
