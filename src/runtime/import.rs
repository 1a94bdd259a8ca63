//! Modules and `import`: built-in modules come from `modules.rs`; user
//! modules are `.py` files beside the running script (or on the search
//! path), executed once and cached in `Interp::modules`.

use super::dict::Dict;
use super::exceptions::ExcType;
use super::object::{Module, Obj};
use super::value::Value;
use super::{Interp, PyResult};
use std::cell::RefCell;
use std::rc::Rc;

/// A fresh globals dict with `__name__`, `__file__` and `__builtins__`.
pub fn new_module_globals(interp: &Interp, name: &str, file: &str) -> Value {
    let mut d = Dict::new();
    d.set_str("__name__", Value::str(name));
    d.set_str("__file__", Value::str(file));
    d.set_str("__doc__", Value::NONE);
    d.set_str("__builtins__", interp.builtins.clone());
    d.watch();
    Value::obj(Obj::Dict(RefCell::new(d)))
}

pub fn make_module(name: &str, globals: Value) -> Value {
    Value::obj(Obj::Module(Module {
        name: Rc::from(name),
        dict: globals,
    }))
}

/// Which backend runs user modules (the importing program's mode).
pub type ModuleRunner = fn(&mut Interp, &str, &str, &Value) -> PyResult<()>;

/// `import name` (dotted names import each level).
pub fn import_module(interp: &mut Interp, name: &str, runner: ModuleRunner) -> PyResult<Value> {
    if let Some(m) = interp.modules.get(name) {
        return Ok(m.clone());
    }
    if name == "_tern" {
        return Ok(super::ternmod::make(interp));
    }
    if let Some(m) = super::modules::builtin_module(interp, name) {
        return Ok(m);
    }
    let parent = match name.rsplit_once('.') {
        Some((parent, last)) => {
            let p = import_module(interp, parent, runner)?;
            if let Some(v) = interp.getattr_opt(&p, last)? {
                if matches!(v.as_obj(), Some(Obj::Module(_))) {
                    return Ok(v);
                }
            }
            Some((p, last))
        }
        None => None,
    };
    if let Some(source) = super::ternmod::pylib_source(name) {
        let file = format!(
            "{}{}.py",
            super::ternmod::PYLIB_PREFIX,
            name.replace('.', "/")
        );
        let module = run_new_module(interp, name, &file, source, runner)?;
        if let Some((p, last)) = parent {
            interp.setattr(&p, last, module.clone())?;
        }
        return Ok(module);
    }
    let rel = format!("{}.py", name.replace('.', "/"));
    let mut found = None;
    for dir in interp.search_path.clone() {
        let p = dir.join(&rel);
        if p.is_file() {
            found = Some(p);
            break;
        }
    }
    let Some(path) = found else {
        return Err(interp.err(
            ExcType::ModuleNotFoundError,
            format!("No module named '{name}'"),
        ));
    };
    let source = std::fs::read_to_string(&path).map_err(|e| {
        interp.err(
            ExcType::ImportError,
            format!("cannot read {}: {e}", path.display()),
        )
    })?;
    let file = path.to_string_lossy().to_string();
    run_new_module(interp, name, &file, &source, runner)
}

/// Create a module, cache it (so circular imports see it), run its body.
fn run_new_module(
    interp: &mut Interp,
    name: &str,
    file: &str,
    source: &str,
    runner: ModuleRunner,
) -> PyResult<Value> {
    let globals = new_module_globals(interp, name, file);
    let module = make_module(name, globals.clone());
    interp.modules.insert(Rc::from(name), module.clone());
    if let Err(e) = runner(interp, file, source, &globals) {
        interp.modules.remove(name);
        return Err(e);
    }
    Ok(module)
}

/// The names `from m import *` binds: `__all__`, or the public names.
pub fn star_names(interp: &mut Interp, module: &Value) -> PyResult<Vec<(Rc<str>, Value)>> {
    let Some(Obj::Module(m)) = module.as_obj() else {
        return Ok(vec![]);
    };
    let dict = m.dict.clone();
    let all = match dict.as_obj() {
        Some(Obj::Dict(d)) => d.borrow().get_str("__all__").cloned(),
        _ => None,
    };
    let mut out = Vec::new();
    match all {
        Some(all) => {
            for n in super::iter::collect(interp, &all)? {
                let name: Rc<str> = Rc::from(n.as_str().unwrap_or(""));
                let v = interp.getattr(module, &name)?;
                out.push((name, v));
            }
        }
        None => {
            if let Some(Obj::Dict(d)) = dict.as_obj() {
                for (k, v) in d.borrow().iter() {
                    if let Some(k) = k.as_str() {
                        if !k.starts_with('_') {
                            out.push((Rc::from(k), v.clone()));
                        }
                    }
                }
            }
        }
    }
    Ok(out)
}

/// Parse an imported module's source; a syntax error becomes the
/// `SyntaxError`/`IndentationError` the import raises (every backend's
/// module runner starts here).
pub fn parse_source(interp: &Interp, source: &str) -> PyResult<crate::syntax::ast::Module> {
    crate::syntax::parse_module(source).map_err(|errs| {
        let e = &errs[0];
        let kind = match e.kind {
            crate::syntax::SyntaxErrorKind::IndentationError => {
                super::exceptions::ExcType::IndentationError
            }
            _ => super::exceptions::ExcType::SyntaxError,
        };
        interp.err(kind, e.message.clone())
    })
}
