//! The built-in functions (`print`, `len`, `range`, …) and type constructors.

use super::Interp;

pub fn install(_interp: &mut Interp) {}
