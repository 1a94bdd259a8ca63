//! A line diff in the unified format (`diff -u`), so that a disagreement
//! between modes shows exactly which lines differ, with a little context,
//! in a form every programmer reads at a glance.
//!
//! The edit script is a longest common subsequence of the lines between
//! the common prefix and suffix. Program outputs that disagree are usually
//! small or differ in a few places; when the differing middle is too large
//! for the quadratic table it is shown as wholly replaced.

/// Largest LCS table (cells) we are willing to fill.
const MAX_CELLS: usize = 4_000_000;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Op {
    /// Line `.0` of old equals line `.1` of new.
    Same(usize, usize),
    Delete(usize),
    Insert(usize),
}

/// The unified diff of `old` and `new` with `context` lines around each
/// change, headed by `--- old_label` / `+++ new_label`; empty when the texts
/// are equal. A last line without a newline is marked as `diff` marks it.
pub fn unified(old: &str, new: &str, old_label: &str, new_label: &str, context: usize) -> String {
    if old == new {
        return String::new();
    }
    let a: Vec<&str> = old.split_inclusive('\n').collect();
    let b: Vec<&str> = new.split_inclusive('\n').collect();
    let ops = edit_script(&a, &b);
    let mut out = format!("--- {old_label}\n+++ {new_label}\n");
    for (start, end) in hunks(&ops, context) {
        let hunk = &ops[start..end];
        let old_before = ops[..start].iter().filter(|op| uses_old(op)).count();
        let new_before = ops[..start].iter().filter(|op| uses_new(op)).count();
        let old_len = hunk.iter().filter(|op| uses_old(op)).count();
        let new_len = hunk.iter().filter(|op| uses_new(op)).count();
        // Like diff: lines count from 1, and an empty range names the line
        // before it.
        let os = old_before + usize::from(old_len > 0);
        let ns = new_before + usize::from(new_len > 0);
        out.push_str(&format!("@@ -{os},{old_len} +{ns},{new_len} @@\n"));
        for op in hunk {
            let (mark, line) = match *op {
                Op::Same(i, _) => (' ', a[i]),
                Op::Delete(i) => ('-', a[i]),
                Op::Insert(j) => ('+', b[j]),
            };
            out.push(mark);
            match line.strip_suffix('\n') {
                Some(l) => {
                    out.push_str(l);
                    out.push('\n');
                }
                None => {
                    out.push_str(line);
                    out.push_str("\n\\ No newline at end of file\n");
                }
            }
        }
    }
    out
}

fn uses_old(op: &Op) -> bool {
    !matches!(op, Op::Insert(_))
}

fn uses_new(op: &Op) -> bool {
    !matches!(op, Op::Delete(_))
}

fn edit_script(a: &[&str], b: &[&str]) -> Vec<Op> {
    let prefix = a.iter().zip(b).take_while(|(x, y)| x == y).count();
    let suffix = a[prefix..]
        .iter()
        .rev()
        .zip(b[prefix..].iter().rev())
        .take_while(|(x, y)| x == y)
        .count();
    let (am, bm) = (&a[prefix..a.len() - suffix], &b[prefix..b.len() - suffix]);
    let mut ops: Vec<Op> = (0..prefix).map(|i| Op::Same(i, i)).collect();
    let (n, m) = (am.len(), bm.len());
    if (n + 1).saturating_mul(m + 1) <= MAX_CELLS {
        // lcs[i][j]: LCS length of am[i..] and bm[j..].
        let w = m + 1;
        let mut lcs = vec![0u32; (n + 1) * w];
        for i in (0..n).rev() {
            for j in (0..m).rev() {
                lcs[i * w + j] = if am[i] == bm[j] {
                    lcs[(i + 1) * w + j + 1] + 1
                } else {
                    lcs[(i + 1) * w + j].max(lcs[i * w + j + 1])
                };
            }
        }
        let (mut i, mut j) = (0, 0);
        while i < n || j < m {
            if i < n && j < m && am[i] == bm[j] {
                ops.push(Op::Same(prefix + i, prefix + j));
                i += 1;
                j += 1;
            } else if j == m || (i < n && lcs[(i + 1) * w + j] >= lcs[i * w + j + 1]) {
                ops.push(Op::Delete(prefix + i));
                i += 1;
            } else {
                ops.push(Op::Insert(prefix + j));
                j += 1;
            }
        }
    } else {
        ops.extend((0..n).map(|i| Op::Delete(prefix + i)));
        ops.extend((0..m).map(|j| Op::Insert(prefix + j)));
    }
    ops.extend((0..suffix).map(|k| Op::Same(a.len() - suffix + k, b.len() - suffix + k)));
    ops
}

/// Ranges of `ops` to print: each change with `context` unchanged lines
/// around it, merging changes whose context would touch.
fn hunks(ops: &[Op], context: usize) -> Vec<(usize, usize)> {
    let changes: Vec<usize> = ops
        .iter()
        .enumerate()
        .filter(|(_, op)| !matches!(op, Op::Same(..)))
        .map(|(k, _)| k)
        .collect();
    let mut out: Vec<(usize, usize)> = Vec::new();
    for k in changes {
        let start = k.saturating_sub(context);
        let end = (k + 1 + context).min(ops.len());
        match out.last_mut() {
            Some(last) if start <= last.1 => last.1 = end,
            _ => out.push((start, end)),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn equal_texts_have_no_diff() {
        assert_eq!(unified("a\nb\n", "a\nb\n", "x", "y", 3), "");
    }

    #[test]
    fn one_changed_line_with_context() {
        let old = "1\n2\n3\n4\n5\n6\n7\n8\n9\n";
        let new = "1\n2\n3\n4\nfive\n6\n7\n8\n9\n";
        let d = unified(old, new, "tree", "vm", 2);
        assert_eq!(
            d,
            "--- tree\n+++ vm\n@@ -3,5 +3,5 @@\n 3\n 4\n-5\n+five\n 6\n 7\n"
        );
    }

    #[test]
    fn insertions_deletions_and_separate_hunks() {
        let old = "a\nb\nc\nd\ne\nf\ng\nh\ni\nj\n";
        let new = "a\nB\nc\nd\ne\nf\ng\nh\ni\nj\nk\n";
        let d = unified(old, new, "o", "n", 1);
        assert_eq!(
            d,
            "--- o\n+++ n\n@@ -1,3 +1,3 @@\n a\n-b\n+B\n c\n@@ -10,1 +10,2 @@\n j\n+k\n"
        );
    }

    #[test]
    fn a_pure_insertion_without_context_names_the_line_before() {
        let d = unified("a\nb\n", "a\nx\nb\n", "o", "n", 0);
        assert_eq!(d, "--- o\n+++ n\n@@ -1,0 +2,1 @@\n+x\n");
    }

    #[test]
    fn empty_side_and_missing_newline() {
        let d = unified("", "x\n", "o", "n", 3);
        assert_eq!(d, "--- o\n+++ n\n@@ -0,0 +1,1 @@\n+x\n");
        let d = unified("x\n", "x", "o", "n", 3);
        assert_eq!(
            d,
            "--- o\n+++ n\n@@ -1,1 +1,1 @@\n-x\n+x\n\\ No newline at end of file\n"
        );
    }
}
