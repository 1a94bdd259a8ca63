//! The Cranelift JIT module that owns the machine code, one per thread,
//! and the statistics `--stats` reports.
//!
//! Machine code lives as long as the thread: code objects are shared by
//! every function object made from them and may be called until the
//! interpreter goes away, and an interpreter never leaves its thread.

use super::translate::{self, native_signature, pure};
use super::NativeFn;
use crate::bytecode::CodeObject;
use crate::runtime::Value;
use cranelift_codegen::control::ControlPlane;
use cranelift_codegen::ir::{self, UserFuncName};
use cranelift_codegen::settings::{self, Configurable};
use cranelift_codegen::Context;
use cranelift_frontend::FunctionBuilderContext;
use cranelift_jit::{JITBuilder, JITModule};
use cranelift_module::{default_libcall_names, Module};
use std::cell::RefCell;
use std::fmt::Write;
use std::time::{Duration, Instant};

struct Jit {
    module: JITModule,
    ctx: Context,
    fctx: FunctionBuilderContext,
}

/// What the JIT did on this thread.
#[derive(Clone, Debug, Default)]
pub struct JitStats {
    /// Code objects translated to machine code.
    pub compiled: usize,
    /// Time spent translating and compiling them.
    pub compile_time: Duration,
    /// Of those, the ones that also got a pure translation
    /// (`translate::pure`).
    pub pure: usize,
    /// Code objects that run in the VM instead: `(qualname, reason)`.
    pub fallbacks: Vec<(String, String)>,
}

thread_local! {
    static JIT: RefCell<Option<Jit>> = const { RefCell::new(None) };
    static STATS: RefCell<JitStats> = RefCell::new(JitStats::default());
}

fn new_jit() -> Result<Jit, String> {
    if !crate::runtime::value::strong_count_offset_holds() {
        return Err(
            "this build's reference counts are not where generated code expects them".into(),
        );
    }
    let mut flags = settings::builder();
    let set = |f: &mut settings::Builder, k: &str, v: &str| {
        f.set(k, v)
            .map_err(|e| format!("cranelift setting {k}: {e}"))
    };
    set(&mut flags, "opt_level", "speed")?;
    set(&mut flags, "use_colocated_libcalls", "false")?;
    set(&mut flags, "is_pic", "false")?;
    // The IR verifier costs about a tenth of each translation: on in debug
    // builds (every test), off in release builds, where translation time
    // shows in short programs (`TERN_VERIFY=1` turns it on there: a
    // function that fails it then shows as a fallback in `--stats`).
    let verify = if cfg!(debug_assertions) || std::env::var_os("TERN_VERIFY").is_some() {
        "true"
    } else {
        "false"
    };
    set(&mut flags, "enable_verifier", verify)?;
    let isa = cranelift_native::builder()
        .map_err(|e| format!("this machine is not supported by Cranelift: {e}"))?
        .finish(settings::Flags::new(flags))
        .map_err(|e| format!("cranelift: {e}"))?;
    let module = JITModule::new(JITBuilder::with_isa(isa, default_libcall_names()));
    let ctx = module.make_context();
    Ok(Jit {
        module,
        ctx,
        fctx: FunctionBuilderContext::new(),
    })
}

/// Translate and compile `code`; `Err` (recorded as a fallback) when it
/// cannot run natively.
pub(super) fn compile(code: &CodeObject, globals: Option<&Value>) -> Result<NativeFn, String> {
    let started = Instant::now();
    let result = translate::check(code).and_then(|()| {
        JIT.with(|cell| {
            let mut slot = cell.borrow_mut();
            if slot.is_none() {
                *slot = Some(new_jit()?);
            }
            let jit = slot.as_mut().expect("just made");
            // A panic inside Cranelift (a bug in the translation or in
            // Cranelift) becomes a fallback to the VM. The contexts it may
            // have left half-built are replaced: reusing them once hung
            // the next compilation. (The module stays: it holds the code
            // of the functions compiled so far.)
            let compiled = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
                let f = jit.compile(code, globals)?;
                if let Some(globals) = globals {
                    jit.compile_pure(code, globals);
                }
                Ok(f)
            }));
            compiled.unwrap_or_else(|payload| {
                jit.ctx = jit.module.make_context();
                jit.fctx = FunctionBuilderContext::new();
                let what = payload
                    .downcast_ref::<&str>()
                    .map(|s| s.to_string())
                    .or_else(|| payload.downcast_ref::<String>().cloned())
                    .unwrap_or_default();
                Err(format!("cranelift panicked: {what}"))
            })
        })
    });
    STATS.with(|s| {
        let mut s = s.borrow_mut();
        s.compile_time += started.elapsed();
        match &result {
            Ok(_) => s.compiled += 1,
            Err(reason) => s
                .fallbacks
                .push((code.qualname.to_string(), reason.clone())),
        }
    });
    result
}

#[cfg(test)]
thread_local! {
    /// Tests: make the next compilation panic inside the translation.
    pub(super) static PANIC_NEXT_COMPILE: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
}

impl Jit {
    fn compile(&mut self, code: &CodeObject, globals: Option<&Value>) -> Result<NativeFn, String> {
        let call_conv = self.module.isa().default_call_conv();
        let frontend = self.module.isa().frontend_config();
        let ptr = self.build(
            native_signature(call_conv),
            &code.qualname,
            |func, fctx, _| {
                #[cfg(test)]
                if PANIC_NEXT_COMPILE.with(|p| p.replace(false)) {
                    // Leave the context half-built, as a panic in Cranelift would.
                    func.signature.params.clear();
                    panic!("injected compile panic");
                }
                translate::translate(code, globals, func, fctx, call_conv, frontend);
            },
        )?;
        // SAFETY: the function was defined with `native_signature`, the
        // `extern "C"` signature of `NativeFn` (two pointers in, a word
        // out), and its code stays mapped as long as this module, which
        // lives until the thread ends.
        Ok(unsafe { std::mem::transmute::<*const u8, NativeFn>(ptr) })
    }

    /// Give `code` a pure entry (`translate::pure`) when it qualifies in
    /// `globals`; a failure only leaves it without one.
    fn compile_pure(&mut self, code: &CodeObject, globals: &Value) {
        let Some(shape) = pure::shape(code, globals) else {
            return;
        };
        let pins: Option<Vec<_>> = shape.calls.values().map(|c| c.func.pin_address()).collect();
        let Some(pins) = pins else {
            return;
        };
        let call_conv = self.module.isa().default_call_conv();
        let sig = pure::pure_signature(call_conv, shape.nparams());
        let name = format!("{}.pure", code.qualname);
        let frontend = self.module.isa().frontend_config();
        let built = self.build(sig, &name, |func, fctx, itself| {
            pure::translate(code, &shape, globals, func, fctx, itself, frontend)
        });
        if let Ok(ptr) = built {
            code.native.pins.borrow_mut().extend(pins);
            *code.native.pure_callees.borrow_mut() = shape
                .calls
                .values()
                .map(|c| (c.name, c.func.bits()))
                .collect();
            // No epoch yet: the first call checks the callees.
            code.native.pure_epoch.set(u64::MAX);
            code.native.pure_globals.set(globals.bits());
            code.native.pure_entry.set(ptr as usize);
            STATS.with(|s| s.borrow_mut().pure += 1);
        }
    }

    /// Declare a function of signature `sig`, have `fill` translate into
    /// it, compile it and answer its address.
    fn build(
        &mut self,
        sig: ir::Signature,
        qualname: &str,
        fill: impl FnOnce(&mut ir::Function, &mut FunctionBuilderContext, ir::FuncRef),
    ) -> Result<*const u8, String> {
        let id = self
            .module
            .declare_anonymous_function(&sig)
            .map_err(|e| format!("cranelift: {e}"))?;
        self.module.clear_context(&mut self.ctx);
        self.ctx.func.signature = sig;
        self.ctx.func.name = UserFuncName::user(0, id.as_u32());
        // The function itself, for direct recursive calls.
        let itself = self.module.declare_func_in_func(id, &mut self.ctx.func);
        fill(&mut self.ctx.func, &mut self.fctx, itself);
        // `TERN_JIT_ASM=1`: print each function's machine code as it is
        // compiled at run time (unlike `tern clif`, with the direct calls
        // the run's globals allow).
        let show_asm = std::env::var_os("TERN_JIT_ASM").is_some();
        if show_asm {
            self.ctx.set_disasm(true);
        }
        let defined = self.module.define_function(id, &mut self.ctx);
        // `TERN_JIT_DUMP=DIR`: write each function's machine code to
        // `DIR/ADDRESS_QUALNAME.bin`, to disassemble at its address
        // (`objdump -D -b binary -mi386:x86-64 --adjust-vma=0xADDRESS`)
        // and match against a profiler's per-address counts (callgrind
        // `--dump-instr=yes`), which cannot name generated code.
        let dump_dir = std::env::var_os("TERN_JIT_DUMP");
        let dump_bytes = dump_dir
            .as_ref()
            .and_then(|_| self.ctx.compiled_code())
            .map(|c| c.code_buffer().to_vec());
        if show_asm {
            if let Some(c) = self.ctx.compiled_code() {
                eprintln!("; {qualname}\n{}", c.vcode.clone().unwrap_or_default());
            }
        }
        self.module.clear_context(&mut self.ctx);
        defined.map_err(|e| format!("cranelift: {e:?}"))?;
        self.module
            .finalize_definitions()
            .map_err(|e| format!("cranelift: {e}"))?;
        let ptr = self.module.get_finalized_function(id);
        if let (Some(dir), Some(bytes)) = (dump_dir, dump_bytes) {
            let file = format!("{:x}_{qualname}.bin", ptr as usize);
            // A debugging aid: a directory that cannot be written loses
            // the dump, not the run.
            let _ = std::fs::write(std::path::Path::new(&dir).join(file), bytes);
        }
        Ok(ptr)
    }
}

/// `--stats`: functions compiled, fallbacks with reasons, compile time
/// against the run's total time.
pub fn stats_report(total: Duration) -> String {
    let s = STATS.with(|s| s.borrow().clone());
    let mut out = String::new();
    let _ = writeln!(
        out,
        "jit: {} function{} compiled ({} with a pure entry) in {:.3} ms; run {:.3} ms in all",
        s.compiled,
        if s.compiled == 1 { "" } else { "s" },
        s.pure,
        s.compile_time.as_secs_f64() * 1e3,
        total.as_secs_f64() * 1e3,
    );
    if s.fallbacks.is_empty() {
        let _ = writeln!(out, "jit: no fallbacks");
    } else {
        let _ = writeln!(out, "jit: {} fallback(s) to the VM:", s.fallbacks.len());
        for (name, why) in &s.fallbacks {
            let _ = writeln!(out, "  {name}: {why}");
        }
    }
    out
}

/// This thread's statistics so far.
pub fn stats() -> JitStats {
    STATS.with(|s| s.borrow().clone())
}

/// `tern clif`: the Cranelift IR of `code` and every code object nested in
/// it (only those named `only`, when given), and with `asm` the machine
/// code Cranelift emits for each.
pub fn clif_listing(code: &CodeObject, only: Option<&str>, asm: bool) -> Result<String, String> {
    let mut jit = new_jit()?;
    let mut out = String::new();
    let mut todo = vec![code];
    let mut found = false;
    while let Some(c) = todo.pop() {
        todo.extend(c.codes.iter().rev().map(|c| &**c));
        let wanted = match only {
            None => true,
            Some(n) => &*c.name == n || &*c.qualname == n,
        };
        if !wanted {
            continue;
        }
        found = true;
        let _ = writeln!(
            out,
            "; {} ({}, line {})",
            c.qualname,
            c.file,
            c.line_of(c.def_pos)
        );
        if let Err(why) = translate::check(c) {
            let _ = writeln!(out, "; not compiled, runs in the VM: {why}\n");
            continue;
        }
        let call_conv = jit.module.isa().default_call_conv();
        let mut ctx = jit.module.make_context();
        ctx.func.signature = native_signature(call_conv);
        let frontend = jit.module.isa().frontend_config();
        translate::translate(c, None, &mut ctx.func, &mut jit.fctx, call_conv, frontend);
        if asm {
            ctx.set_disasm(true);
            let compiled = ctx
                .compile(jit.module.isa(), &mut ControlPlane::default())
                .map_err(|e| format!("cranelift: {:?}", e.inner))?;
            let _ = writeln!(out, "{}", compiled.vcode.clone().unwrap_or_default());
        } else {
            let _ = writeln!(out, "{}", ctx.func.display());
        }
    }
    if !found {
        if let Some(n) = only {
            return Err(format!("no function named '{n}'"));
        }
    }
    Ok(out)
}
