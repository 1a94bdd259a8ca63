//! `tern dis`: a readable listing of compiled code, function by function,
//! in the spirit of Python's `dis`: line numbers where they change,
//! instruction offsets, mnemonics, and operands with registers named after
//! the variables, constants and temporaries they hold.
//!
//! Register notation: `x` a local (or cell/free variable) named `x`,
//! `#3` / `#None` a constant register, `t0`, `t1` … temporaries,
//! `@12` a jump target, `'name'` a global or attribute name.

use super::code::CodeObject;
use super::instr::{Instr, Reg, NO_REG};
use crate::runtime::format::{float_repr, str_repr};
use crate::runtime::{Obj, Value, View};
use std::fmt::Write;

/// Disassemble a code object and everything nested in it.
pub fn disassemble(code: &CodeObject) -> String {
    let mut out = String::new();
    dis_code(code, &mut out);
    out
}

fn dis_code(code: &CodeObject, out: &mut String) {
    let _ = writeln!(
        out,
        "Disassembly of {} ({}, line {}):",
        code.qualname,
        code.file,
        code.line_of(code.def_pos)
    );
    let _ = writeln!(
        out,
        "  registers: {} = {} slots + {} free + {} constants + {} temporaries",
        code.nregs,
        code.nslots,
        code.nfree,
        code.const_regs.len(),
        code.nregs as usize - code.temp_base as usize
    );
    if !code.slot_names.is_empty() {
        let names: Vec<String> = code
            .slot_names
            .iter()
            .enumerate()
            .map(|(i, n)| {
                if code.cell_slots.contains(&(i as u16)) {
                    format!("{n} (cell)")
                } else {
                    n.to_string()
                }
            })
            .collect();
        let _ = writeln!(out, "  locals: {}", names.join(", "));
    }
    if !code.freevars.is_empty() {
        let names: Vec<&str> = code.freevars.iter().map(|n| &**n).collect();
        let _ = writeln!(out, "  free: {}", names.join(", "));
    }
    if !code.consts.is_empty() {
        let cs: Vec<String> = code
            .consts
            .iter()
            .enumerate()
            .map(|(i, c)| format!("{i}: {}", const_repr(c)))
            .collect();
        let _ = writeln!(out, "  constants: {}", cs.join(", "));
    }
    for h in &code.handlers {
        let _ = writeln!(
            out,
            "  handler: @{}..@{} -> @{} (exception in {})",
            h.start,
            h.end,
            h.target,
            reg_name(code, h.exc_reg)
        );
    }
    let mut last_line = 0;
    let targets: Vec<u32> = code.instrs.iter().filter_map(|i| i.target()).collect();
    for (pc, ins) in code.instrs.iter().enumerate() {
        let line = code.line_at(pc);
        let line_col = if line != last_line {
            last_line = line;
            format!("{line:>5}")
        } else {
            "     ".to_string()
        };
        let mark = if targets.contains(&(pc as u32))
            || code.handlers.iter().any(|h| h.target == pc as u32)
        {
            ">>"
        } else {
            "  "
        };
        let ops = operands(code, ins);
        let _ = writeln!(out, "{line_col} {mark}{pc:>5}  {:<22}{ops}", ins.name());
    }
    for c in &code.codes {
        out.push('\n');
        dis_code(c, out);
    }
}

/// A short repr of a constant (no interpreter needed).
pub fn const_repr(v: &Value) -> String {
    match v.view() {
        View::Int(i) => i.to_string(),
        View::Float(f) => float_repr(f),
        View::None => "None".into(),
        View::Bool(b) => if b { "True" } else { "False" }.into(),
        View::Ellipsis => "Ellipsis".into(),
        View::NotImplemented => "NotImplemented".into(),
        View::Unbound => "<unbound>".into(),
        View::Obj(Obj::Str(s)) => str_repr(&s.s),
        View::Obj(Obj::Int(i)) => i.to_string(),
        View::Obj(Obj::Tuple(items)) => {
            let parts: Vec<String> = items.iter().map(const_repr).collect();
            if parts.len() == 1 {
                format!("({},)", parts[0])
            } else {
                format!("({})", parts.join(", "))
            }
        }
        View::Obj(o) => format!("<{}>", o.kind_name()),
    }
}

fn reg_name(code: &CodeObject, r: Reg) -> String {
    if r == NO_REG {
        return "-".into();
    }
    let r = r as usize;
    let nslots = code.nslots as usize;
    let nfree = code.nfree as usize;
    if r < nslots {
        return code.slot_names[r].to_string();
    }
    if r < nslots + nfree {
        return code.freevars[r - nslots].to_string();
    }
    if r < code.temp_base as usize {
        return format!("#{}", const_repr(&code.const_regs[r - nslots - nfree]));
    }
    format!("t{}", r - code.temp_base as usize)
}

fn range(code: &CodeObject, start: Reg, n: u16) -> String {
    if n == 0 {
        return "()".into();
    }
    let items: Vec<String> = (0..n).map(|i| reg_name(code, start + i)).collect();
    format!("({})", items.join(", "))
}

fn name(code: &CodeObject, i: u16) -> String {
    format!(
        "'{}'",
        code.names.get(i as usize).map(|n| &**n).unwrap_or("?")
    )
}

fn operands(code: &CodeObject, ins: &Instr) -> String {
    use Instr::*;
    let r = |x: Reg| reg_name(code, x);
    match *ins {
        Nop | PopHandled => String::new(),
        Move { dst, src } | Copy { dst, src } => format!("{} <- {}", r(dst), r(src)),
        LoadConst { dst, idx } => {
            format!("{} <- {}", r(dst), const_repr(&code.consts[idx as usize]))
        }
        CheckBound { reg, .. } | Clear { reg } | DeleteFast { reg, .. } => r(reg),
        LoadCell { dst, cell, .. } | LoadFree { dst, cell, .. } => {
            format!("{} <- *{}", r(dst), r(cell))
        }
        StoreCell { cell, src } => format!("*{} <- {}", r(cell), r(src)),
        DeleteCell { cell, quiet, .. } => {
            format!("*{}{}", r(cell), if quiet { " (quiet)" } else { "" })
        }
        LoadGlobal { dst, name: n } | LoadName { dst, name: n } => {
            format!("{} <- {}", r(dst), name(code, n))
        }
        StoreGlobal { name: n, src } | StoreName { name: n, src } => {
            format!("{} <- {}", name(code, n), r(src))
        }
        DeleteGlobal { name: n, quiet } | DeleteName { name: n, quiet } => {
            format!("{}{}", name(code, n), if quiet { " (quiet)" } else { "" })
        }
        Add { dst, a, b }
        | Sub { dst, a, b }
        | Mul { dst, a, b }
        | TrueDiv { dst, a, b }
        | FloorDiv { dst, a, b }
        | Mod { dst, a, b }
        | InplaceAdd { dst, a, b }
        | InplaceSub { dst, a, b }
        | Lt { dst, a, b }
        | Le { dst, a, b }
        | Gt { dst, a, b }
        | Ge { dst, a, b }
        | Eq { dst, a, b }
        | Ne { dst, a, b } => format!("{} <- {}, {}", r(dst), r(a), r(b)),
        BinOp { op, dst, a, b } | Inplace { op, dst, a, b } => {
            format!("{} <- {} {} {}", r(dst), r(a), op.symbol(), r(b))
        }
        Unary { op, dst, src } => {
            let sym = match op {
                crate::syntax::ast::UnaryOp::Not => "not ",
                crate::syntax::ast::UnaryOp::Neg => "-",
                crate::syntax::ast::UnaryOp::Pos => "+",
                crate::syntax::ast::UnaryOp::Invert => "~",
            };
            format!("{} <- {sym}{}", r(dst), r(src))
        }
        Compare { op, dst, a, b } => format!("{} <- {} {} {}", r(dst), r(a), op.symbol(), r(b)),
        Jump { target } => format!("@{target}"),
        JumpIfFalse { cond, target }
        | JumpIfTrue { cond, target }
        | JumpIfFalseKeep { cond, target }
        | JumpIfTrueKeep { cond, target } => format!("{}, @{target}", r(cond)),
        JumpIfNotLt { a, b, target }
        | JumpIfNotLe { a, b, target }
        | JumpIfNotGt { a, b, target }
        | JumpIfNotGe { a, b, target }
        | JumpIfNotEq { a, b, target }
        | JumpIfNotNe { a, b, target }
        | JumpIfIs { a, b, target }
        | JumpIfIsNot { a, b, target } => format!("{}, {}, @{target}", r(a), r(b)),
        GetIter { dst, src } => format!("{} <- iter({})", r(dst), r(src)),
        ForIter { dst, iter, target } => {
            format!("{} <- next({}), exhausted: @{target}", r(dst), r(iter))
        }
        Return { src, .. } => r(src),
        BuildTuple { dst, start, n }
        | BuildList { dst, start, n }
        | BuildSet { dst, start, n }
        | BuildConstSet { dst, start, n }
        | BuildString { dst, start, n } => format!("{} <- {}", r(dst), range(code, start, n)),
        BuildDict { dst, start, n } => format!("{} <- {}", r(dst), range(code, start, 2 * n)),
        BuildSlice { dst, start } => format!("{} <- {}", r(dst), range(code, start, 3)),
        ListAppend { list, src } | ListExtend { list, src } => {
            format!("{}, {}", r(list), r(src))
        }
        SetAdd { set, src } | SetUpdate { set, src } => format!("{}, {}", r(set), r(src)),
        DictInsert { dict, key, value } => format!("{}[{}] <- {}", r(dict), r(key), r(value)),
        DictUpdate { dict, src } => format!("{}, {}", r(dict), r(src)),
        ListToTuple { dst, src } => format!("{} <- {}", r(dst), r(src)),
        GetItem { dst, obj, idx } => format!("{} <- {}[{}]", r(dst), r(obj), r(idx)),
        GetSlice { dst, obj, start } => format!(
            "{} <- {}[{}:{}:{}]",
            r(dst),
            r(obj),
            r(start),
            r(start + 1),
            r(start + 2)
        ),
        SetItem { obj, idx, src } => format!("{}[{}] <- {}", r(obj), r(idx), r(src)),
        DelItem { obj, idx } => format!("{}[{}]", r(obj), r(idx)),
        GetAttr { dst, obj, name: n } => {
            format!("{} <- {}.{}", r(dst), r(obj), &code.names[n as usize])
        }
        SetAttr { obj, name: n, src } => {
            format!("{}.{} <- {}", r(obj), &code.names[n as usize], r(src))
        }
        DelAttr { obj, name: n } => format!("{}.{}", r(obj), &code.names[n as usize]),
        Unpack { src, dst, n } => format!("{} <- {}", range(code, dst, n), r(src)),
        UnpackStar {
            src,
            dst,
            before,
            after,
        } => format!(
            "{} <- {} (starred at {before})",
            range(code, dst, before + after + 1),
            r(src)
        ),
        FormatValue {
            dst,
            src,
            conv,
            spec,
        } => {
            let conv = if conv == 0 {
                String::new()
            } else {
                format!("!{}", conv as char)
            };
            let spec = if spec == NO_REG {
                String::new()
            } else {
                format!(":{}", r(spec))
            };
            format!("{} <- {{{}{conv}{spec}}}", r(dst), r(src))
        }
        Call { dst, func, argc } => {
            format!("{} <- {}{}", r(dst), r(func), range(code, func + 1, argc))
        }
        CallKw {
            dst,
            func,
            argc,
            kwnames,
        } => {
            let kws: Vec<&str> = code.kwnames[kwnames as usize]
                .iter()
                .map(|k| &**k)
                .collect();
            format!(
                "{} <- {}{} kw=({})",
                r(dst),
                r(func),
                range(code, func + 1, argc),
                kws.join(", ")
            )
        }
        CallEx {
            dst,
            func,
            args,
            kwargs,
        } => format!("{} <- {}(*{}, **{})", r(dst), r(func), r(args), r(kwargs)),
        CallMethod {
            dst,
            obj,
            argc,
            name: n,
        } => format!(
            "{} <- {}.{}{}",
            r(dst),
            r(obj),
            &code.names[n as usize],
            range(code, obj + 1, argc)
        ),
        SuperZero {
            dst,
            class_cell,
            first,
        } => format!("{} <- super(*{}, {})", r(dst), r(class_cell), r(first)),
        Locals { dst, func } => format!("{} <- {}()", r(dst), r(func)),
        MakeFunction {
            dst,
            code: c,
            defaults,
        } => format!(
            "{} <- <code {}>, defaults from {}",
            r(dst),
            code.codes[c as usize].qualname,
            r(defaults)
        ),
        MakeClass {
            dst,
            code: c,
            bases,
            nbases,
        } => {
            let b = if nbases == u16::MAX {
                format!("*{}", r(bases))
            } else {
                range(code, bases, nbases)
            };
            format!(
                "{} <- <class body {}>{}",
                r(dst),
                code.codes[c as usize].qualname,
                b
            )
        }
        Yield { dst, src } => format!("{} <- yield {}", r(dst), r(src)),
        YieldFrom { dst, iter } => format!("{} <- yield from {}", r(dst), r(iter)),
        Raise { exc, cause } => format!("{} from {}", r(exc), r(cause)),
        Reraise { exc } => r(exc),
        ReraiseWithContext { exc, ctx } => format!("{} (context {})", r(exc), r(ctx)),
        RaiseAssert { msg } => r(msg),
        ExcMatch { dst, exc, typ } => format!("{} <- {} matches {}", r(dst), r(exc), r(typ)),
        PushHandled { exc } => r(exc),
        WithEnter { dst, mgr, exit } => {
            format!("{} <- {}.__enter__(), exit in {}", r(dst), r(mgr), r(exit))
        }
        WithExit { mgr, exit } => format!("{}({}, None, None, None)", r(exit), r(mgr)),
        WithExitExc {
            dst,
            mgr,
            exit,
            exc,
        } => format!("{} <- {}({}, {})", r(dst), r(exit), r(mgr), r(exc)),
        Import { dst, name: n, top } => format!(
            "{} <- {}{}",
            r(dst),
            name(code, n),
            if top { " (top package)" } else { "" }
        ),
        ImportFrom {
            dst,
            module,
            name: n,
            ..
        } => format!("{} <- {}.{}", r(dst), r(module), &code.names[n as usize]),
        ImportStar { module } => r(module),
    }
}
