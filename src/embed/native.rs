//! Rust closures as Python functions: argument counts and types are
//! checked with CPython-style `TypeError`s, and a Rust `Err` becomes a
//! Python exception the script can catch.

use super::convert::{FromValue, IntoValue};
use crate::runtime::dict::Dict;
use crate::runtime::object::{ClosureFn, NativeClosure, Obj};
use crate::runtime::{ExcType, Interp, PyResult, Value};
use crate::syntax::ast::Name;
use std::cell::RefCell;
use std::rc::Rc;

/// What a native function may return: a value, or `Result<value, E>`
/// whose error becomes a Python `RuntimeError` the script can catch.
pub trait NativeResult {
    /// The Python result of the native function's return value.
    fn into_result(self, interp: &mut Interp) -> PyResult<Value>;
}

impl<T: IntoValue> NativeResult for T {
    fn into_result(self, interp: &mut Interp) -> PyResult<Value> {
        self.into_value(interp)
    }
}

impl<T: IntoValue, E: std::fmt::Display> NativeResult for Result<T, E> {
    fn into_result(self, interp: &mut Interp) -> PyResult<Value> {
        match self {
            Ok(v) => v.into_value(interp),
            Err(e) => Err(interp.err(ExcType::RuntimeError, e.to_string())),
        }
    }
}

/// A Rust function usable from scripts. Implemented for closures taking up
/// to four arguments that convert with [`FromValue`].
pub trait IntoNative<Args> {
    /// Wrap the closure as a native function called `name` (the name its
    /// argument errors mention).
    fn into_native(self, name: &str) -> NativeClosure;
}

fn arity_error(interp: &Interp, name: &str, want: usize, got: usize) -> crate::runtime::PyErr {
    let what = match want {
        0 => "no arguments".to_string(),
        1 => "exactly one argument".to_string(),
        n => format!("exactly {n} arguments"),
    };
    interp.type_error(format!("{name}() takes {what} ({got} given)"))
}

fn arg<T: FromValue>(interp: &mut Interp, name: &str, args: &[Value], i: usize) -> PyResult<T> {
    T::from_value(interp, &args[i]).map_err(|_| {
        interp.type_error(format!(
            "{name}() argument {} must be {}, not {}",
            i + 1,
            T::type_name(),
            interp.type_name(&args[i])
        ))
    })
}

macro_rules! into_native {
    ($n:expr; $($t:ident $i:tt),*) => {
        impl<F, R, $($t),*> IntoNative<($($t,)*)> for F
        where
            F: Fn($($t),*) -> R + 'static,
            R: NativeResult,
            $($t: FromValue,)*
        {
            #[allow(unused_variables)]
            fn into_native(self, name: &str) -> NativeClosure {
                let name: Rc<str> = Rc::from(name);
                Rc::new(move |interp: &mut Interp, args: &[Value], kw: &[(Name, Value)]| {
                    if !kw.is_empty() {
                        return Err(interp.type_error(format!("{name}() takes no keyword arguments")));
                    }
                    if args.len() != $n {
                        return Err(arity_error(interp, &name, $n, args.len()));
                    }
                    let r = (self)($(arg::<$t>(interp, &name, args, $i)?),*);
                    r.into_result(interp)
                })
            }
        }
    };
}
into_native!(0;);
into_native!(1; A 0);
into_native!(2; A 0, B 1);
into_native!(3; A 0, B 1, C 2);
into_native!(4; A 0, B 1, C 2, D 3);

pub(super) fn closure_value(name: &str, func: NativeClosure) -> Value {
    Value::obj(Obj::Closure(ClosureFn {
        name: Rc::from(name),
        func,
    }))
}

/// A module of native functions and constants, importable by scripts.
///
/// ```
/// use tern::embed::{Engine, NativeModule};
/// let mut engine = Engine::new();
/// engine.register_module(
///     NativeModule::new("geometry")
///         .function("area", |w: f64, h: f64| w * h)
///         .constant("UNIT", 1.0),
/// );
/// let a: f64 = engine.eval_as("import geometry\ngeometry.area(2.0, geometry.UNIT * 3)").unwrap();
/// assert_eq!(a, 6.0);
/// ```
/// Makes a module constant's value once the module is built.
type MakeConstant = Box<dyn FnOnce(&mut Interp) -> PyResult<Value>>;

/// A module written in Rust: functions and constants a script imports with
/// `import name`. Register it with `Engine::register_module`.
///
/// ```
/// use tern::embed::{Engine, NativeModule};
/// let mut engine = Engine::builder().build();
/// engine.register_module(
///     NativeModule::new("geo")
///         .function("area", |w: f64, h: f64| w * h)
///         .constant("UNIT", "m"),
/// );
/// let s: String = engine.eval_as("import geo\nf'{geo.area(2.0, 3.5)} {geo.UNIT}2'").unwrap();
/// assert_eq!(s, "7.0 m2");
/// ```
pub struct NativeModule {
    name: String,
    functions: Vec<(String, NativeClosure)>,
    constants: Vec<(String, MakeConstant)>,
}

impl NativeModule {
    /// An empty module that imports as `name`.
    pub fn new(name: &str) -> NativeModule {
        NativeModule {
            name: name.to_string(),
            functions: Vec::new(),
            constants: Vec::new(),
        }
    }

    /// Add a function made from a Rust closure (see `Engine::register_fn`).
    pub fn function<Args, F: IntoNative<Args>>(mut self, name: &str, f: F) -> Self {
        let c = f.into_native(name);
        self.functions.push((name.to_string(), c));
        self
    }

    /// Add a constant, converted when the module is first imported.
    pub fn constant(mut self, name: &str, value: impl IntoValue + 'static) -> Self {
        self.constants.push((
            name.to_string(),
            Box::new(move |i: &mut Interp| value.into_value(i)),
        ));
        self
    }

    pub(super) fn build(self, interp: &mut Interp) -> (String, Value) {
        let mut d = Dict::new();
        d.set_str("__name__", Value::str(&self.name));
        for (n, f) in self.functions {
            d.set_str(&n, closure_value(&n, f));
        }
        for (n, make) in self.constants {
            if let Ok(v) = make(interp) {
                d.set_str(&n, v);
            }
        }
        let dict = Value::obj(Obj::Dict(RefCell::new(d)));
        let m = crate::runtime::import::make_module(&self.name, dict);
        (self.name, m)
    }
}
