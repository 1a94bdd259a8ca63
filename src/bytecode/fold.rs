//! Constant folding: literals and operator expressions over literals that
//! can be evaluated at compile time with exactly CPython's result and no
//! possible error or observable effect.
//!
//! What folds: number literals; unary `-`, `+`, `~` on numbers; `+ - *`
//! on ints and floats, `//` and `%` on ints with a nonzero divisor, `/`
//! on numbers with a nonzero divisor, `**` on ints with a small
//! non-negative exponent, shifts and bitwise operators on ints; `+` of
//! strings and `*` of a string by a small int; tuples whose items all
//! fold. Results are size-limited like CPython's peephole optimizer (no
//! folding `2**100000` into the code object). Everything else (float `//`
//! and `%`, comparisons, anything that could raise) is left to run time.

use crate::runtime::Value;
use crate::syntax::ast::{BinOp, Expr, ExprKind, UnaryOp};
use num_bigint::BigInt;
use num_integer::Integer;
use num_traits::{Signed, ToPrimitive, Zero};
use std::rc::Rc;

/// A compile-time constant.
#[derive(Clone, Debug, PartialEq)]
pub enum Const {
    Int(BigInt),
    Float(f64),
    Str(Rc<str>),
    Bool(bool),
    None,
    Ellipsis,
    Tuple(Vec<Const>),
}

/// Identity of a constant for deduplication: `1`, `1.0` and `True` are
/// different constants, as are `0.0` and `-0.0`.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub enum ConstKey {
    Int(BigInt),
    Float(u64),
    Str(Rc<str>),
    Bool(bool),
    None,
    Ellipsis,
    Tuple(Vec<ConstKey>),
}

/// Largest folded int, in bits, and folded string, in characters.
const MAX_INT_BITS: u64 = 128;
const MAX_STR_LEN: usize = 4096;

impl Const {
    pub fn key(&self) -> ConstKey {
        match self {
            Const::Int(i) => ConstKey::Int(i.clone()),
            Const::Float(f) => ConstKey::Float(f.to_bits()),
            Const::Str(s) => ConstKey::Str(s.clone()),
            Const::Bool(b) => ConstKey::Bool(*b),
            Const::None => ConstKey::None,
            Const::Ellipsis => ConstKey::Ellipsis,
            Const::Tuple(items) => ConstKey::Tuple(items.iter().map(|c| c.key()).collect()),
        }
    }

    pub fn to_value(&self) -> Value {
        match self {
            Const::Int(i) => Value::bigint(i.clone()),
            Const::Float(f) => Value::float(*f),
            Const::Str(s) => Value::str(s),
            Const::Bool(b) => Value::bool(*b),
            Const::None => Value::NONE,
            Const::Ellipsis => Value::ELLIPSIS,
            Const::Tuple(items) => Value::tuple(items.iter().map(|c| c.to_value()).collect()),
        }
    }

    /// Constants that need no heap object (they can live in registers).
    pub fn is_unboxed(&self) -> bool {
        match self {
            Const::Int(i) => i.bits() < 47,
            Const::Float(_) | Const::Bool(_) | Const::None | Const::Ellipsis => true,
            _ => false,
        }
    }

    /// Python truthiness of a constant.
    pub fn truthy(&self) -> bool {
        match self {
            Const::Int(i) => !i.is_zero(),
            Const::Float(f) => *f != 0.0,
            Const::Str(s) => !s.is_empty(),
            Const::Bool(b) => *b,
            Const::None => false,
            Const::Ellipsis => true,
            Const::Tuple(t) => !t.is_empty(),
        }
    }
}

/// The constant value of an expression, if it has one.
pub fn fold(e: &Expr) -> Option<Const> {
    match &e.kind {
        ExprKind::Int(i) => Some(Const::Int(i.clone())),
        ExprKind::Float(f) => Some(Const::Float(*f)),
        ExprKind::Str(s) => Some(Const::Str(s.clone())),
        ExprKind::Bool(b) => Some(Const::Bool(*b)),
        ExprKind::NoneLit => Some(Const::None),
        ExprKind::Ellipsis => Some(Const::Ellipsis),
        ExprKind::UnaryOp { op, operand } => unary(*op, fold(operand)?),
        ExprKind::BinOp { left, op, right } => binary(*op, fold(left)?, fold(right)?),
        ExprKind::Tuple(items) => {
            let mut out = Vec::with_capacity(items.len());
            for x in items {
                if matches!(x.kind, ExprKind::Starred(_)) {
                    return None;
                }
                out.push(fold(x)?);
            }
            Some(Const::Tuple(out))
        }
        _ => None,
    }
}

fn small(i: BigInt) -> Option<Const> {
    if i.bits() <= MAX_INT_BITS {
        Some(Const::Int(i))
    } else {
        None
    }
}

fn unary(op: UnaryOp, c: Const) -> Option<Const> {
    match (op, c) {
        (UnaryOp::Neg, Const::Int(i)) => Some(Const::Int(-i)),
        (UnaryOp::Neg, Const::Float(f)) => Some(Const::Float(-f)),
        (UnaryOp::Pos, c @ (Const::Int(_) | Const::Float(_))) => Some(c),
        (UnaryOp::Invert, Const::Int(i)) => Some(Const::Int(-i - 1)),
        _ => None,
    }
}

fn as_f64(c: &Const) -> Option<f64> {
    match c {
        Const::Int(i) => {
            // Only ints that convert exactly; others would need CPython's
            // correctly rounded int/float arithmetic.
            let f = i.to_f64()?;
            if f.abs() < 9_007_199_254_740_992.0 {
                Some(f)
            } else {
                None
            }
        }
        Const::Float(f) => Some(*f),
        _ => None,
    }
}

fn binary(op: BinOp, a: Const, b: Const) -> Option<Const> {
    match (&a, &b) {
        (Const::Int(x), Const::Int(y)) => int_binary(op, x, y),
        (Const::Str(x), Const::Str(y)) if op == BinOp::Add => {
            if x.chars().count() + y.chars().count() > MAX_STR_LEN {
                return None;
            }
            Some(Const::Str(Rc::from(format!("{x}{y}"))))
        }
        (Const::Str(s), Const::Int(n)) | (Const::Int(n), Const::Str(s)) if op == BinOp::Mul => {
            let n = n.to_i64()?;
            let n = n.max(0) as usize;
            if s.chars().count().saturating_mul(n) > MAX_STR_LEN {
                return None;
            }
            Some(Const::Str(Rc::from(s.repeat(n))))
        }
        (Const::Float(_), Const::Int(_) | Const::Float(_)) | (Const::Int(_), Const::Float(_)) => {
            let (x, y) = (as_f64(&a)?, as_f64(&b)?);
            let r = match op {
                BinOp::Add => x + y,
                BinOp::Sub => x - y,
                BinOp::Mul => x * y,
                BinOp::Div if y != 0.0 => x / y,
                _ => return None,
            };
            if r.is_nan() {
                return None;
            }
            Some(Const::Float(r))
        }
        _ => None,
    }
}

fn int_binary(op: BinOp, x: &BigInt, y: &BigInt) -> Option<Const> {
    match op {
        BinOp::Add => small(x + y),
        BinOp::Sub => small(x - y),
        BinOp::Mul => small(x * y),
        BinOp::FloorDiv if !y.is_zero() => small(x.div_floor(y)),
        BinOp::Mod if !y.is_zero() => small(x.mod_floor(y)),
        BinOp::Div if !y.is_zero() => {
            let (fx, fy) = (
                as_f64(&Const::Int(x.clone()))?,
                as_f64(&Const::Int(y.clone()))?,
            );
            Some(Const::Float(fx / fy))
        }
        BinOp::Pow => {
            if y.is_negative() {
                return None;
            }
            let e = y.to_u32()?;
            if x.bits().saturating_mul(e as u64) > MAX_INT_BITS + 1 {
                return None;
            }
            small(num_traits::pow(x.clone(), e as usize))
        }
        BinOp::LShift => {
            if y.is_negative() {
                return None;
            }
            let s = y.to_u64()?;
            if x.bits() + s > MAX_INT_BITS {
                return None;
            }
            small(x << s)
        }
        BinOp::RShift => {
            if y.is_negative() {
                return None;
            }
            let s = y.to_u64().unwrap_or(u64::MAX).min(MAX_INT_BITS * 2);
            small(x >> s)
        }
        BinOp::BitAnd => small(x & y),
        BinOp::BitOr => small(x | y),
        BinOp::BitXor => small(x ^ y),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::syntax::ast::StmtKind;

    fn fold_src(src: &str) -> Option<Const> {
        let m = crate::syntax::parse_module(src).unwrap();
        match &m.body[0].kind {
            StmtKind::Expr(e) => fold(e),
            _ => panic!(),
        }
    }

    #[test]
    fn folds_python_arithmetic() {
        assert_eq!(fold_src("-7 // 2"), Some(Const::Int(BigInt::from(-4))));
        assert_eq!(fold_src("-7 % 3"), Some(Const::Int(BigInt::from(2))));
        assert_eq!(fold_src("2 ** 10"), Some(Const::Int(BigInt::from(1024))));
        assert_eq!(fold_src("1 / 4"), Some(Const::Float(0.25)));
        assert_eq!(fold_src("~5"), Some(Const::Int(BigInt::from(-6))));
        assert_eq!(fold_src("'ab' * 2"), Some(Const::Str(Rc::from("abab"))));
        assert_eq!(
            fold_src("(1, -2.5, 'x')"),
            Some(Const::Tuple(vec![
                Const::Int(BigInt::from(1)),
                Const::Float(-2.5),
                Const::Str(Rc::from("x"))
            ]))
        );
    }

    #[test]
    fn leaves_errors_and_big_results_to_run_time() {
        assert_eq!(fold_src("1 // 0"), None);
        assert_eq!(fold_src("1 / 0"), None);
        assert_eq!(fold_src("2 ** 1000"), None);
        assert_eq!(fold_src("2 ** -1"), None);
        assert_eq!(fold_src("1 << 200"), None);
        assert_eq!(fold_src("'x' * 10000"), None);
        assert_eq!(fold_src("5.0 % 2"), None);
        assert_eq!(fold_src("x + 1"), None);
    }

    #[test]
    fn keys_distinguish_types() {
        assert_ne!(Const::Int(BigInt::from(1)).key(), Const::Float(1.0).key());
        assert_ne!(Const::Bool(true).key(), Const::Int(BigInt::from(1)).key());
        assert_ne!(Const::Float(0.0).key(), Const::Float(-0.0).key());
    }
}
