//! Code objects: the compiled form of a module, function, class body or
//! comprehension, with everything the VM needs to run it and the
//! disassembler needs to show it.

use super::instr::{Instr, Reg};
use crate::runtime::attr::{AttrCache, MethodCache};
use crate::runtime::dict::GlobalSite;
use crate::runtime::interp::FrameInfo;
use crate::runtime::object::Signature;
use crate::runtime::Value;
use crate::syntax::ast::Name;
use std::cell::Cell;
use std::rc::Rc;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CodeKind {
    Module,
    Function,
    Class,
    /// A list/set/dict comprehension or a generator expression.
    Comprehension,
}

/// A protected range of instructions: an exception raised by an
/// instruction in `start..end` jumps to `target`, after every register
/// from `exc_reg` up has been cleared (the register-machine analogue of
/// unwinding the value stack) and the exception stored in `exc_reg`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Handler {
    pub start: u32,
    pub end: u32,
    pub target: u32,
    pub exc_reg: Reg,
    /// Past the registers that can hold an object when an instruction of
    /// the range fails (the most temporaries in use at any of them): the
    /// handler clears `exc_reg..clear_end`, not the whole register file.
    pub clear_end: Reg,
}

pub struct CodeObject {
    pub kind: CodeKind,
    /// The name tracebacks show (`<module>`, `f`, `<listcomp>`, `C`).
    pub name: Name,
    pub qualname: Rc<str>,
    pub file: Rc<str>,
    /// Byte offsets of line starts in `file`'s source.
    pub line_starts: Rc<[u32]>,
    /// Byte offset of the definition (for the disassembly header).
    pub def_pos: u32,
    pub instrs: Vec<Instr>,
    /// Source byte offset of each instruction's statement, for line numbers.
    pub positions: Vec<u32>,
    /// The line of each instruction (from `positions`), so that a
    /// traceback entry costs no search of the file's line table: every
    /// exception adds one per frame it leaves.
    pub lines: Box<[u32]>,
    /// Innermost first where ranges nest; see `handler_for`.
    pub handlers: Vec<Handler>,
    /// Heap constants (`LoadConst`).
    pub consts: Vec<Value>,
    /// Names of globals and attributes, and local names for messages.
    pub names: Vec<Name>,
    /// The same names as str values with their hashes, and per name the
    /// dict positions where a global and a builtin of that name were last
    /// found (inline caches, validated on every use).
    pub name_values: Vec<(Value, i64)>,
    pub global_cache: Vec<Cell<u32>>,
    pub builtin_cache: Vec<Cell<u32>>,
    /// Per name: the globals' keys version (`Dict::keys_version`) at which
    /// the name was last found missing from them (0: not seen missing), so
    /// a builtin's lookup skips the globals while no global was added.
    pub global_miss: Vec<Cell<u64>>,
    /// Per name: the value a `LoadGlobal` of it last found, while the
    /// globals are unchanged (checked before the caches above).
    pub global_sites: Vec<GlobalSite>,
    /// Per name: the inline cache of attribute loads and stores of it.
    pub attr_cache: Vec<AttrCache>,
    /// Per name: the inline cache of method calls of it.
    pub method_cache: Vec<MethodCache>,
    /// Keyword names of `CallKw` instructions.
    pub kwnames: Vec<Vec<Name>>,
    /// Nested functions, classes and comprehensions.
    pub codes: Vec<Rc<CodeObject>>,
    /// Register layout: slots, then free cells, then constants, then temps.
    pub nslots: u16,
    pub nfree: u16,
    /// Values of the constant registers (from `nslots + nfree`).
    pub const_regs: Vec<Value>,
    /// The initial register file: unbound slots and free cells, the
    /// constants, unbound temporaries (parameters and cells are filled in
    /// at frame entry).
    pub reg_init: Vec<Value>,
    /// Whether `reg_init` holds heap values (which need their reference
    /// counts raised when copied); when not, a frame copies it as bits.
    pub reg_init_has_objects: bool,
    pub temp_base: Reg,
    pub nregs: u16,
    /// Names of the scope slots (parameters first).
    pub slot_names: Vec<Name>,
    /// Slots that hold cells (made at frame entry).
    pub cell_slots: Vec<u16>,
    /// Slots that are `Local` (not cells), for `locals()`.
    pub local_slots: Vec<u16>,
    /// Names of the free variables, in closure order.
    pub freevars: Vec<Name>,
    /// Where a `MakeFunction`/`MakeClass` in the enclosing code finds each
    /// cell of the closure.
    pub closure_regs: Vec<Reg>,
    pub sig: Rc<Signature>,
    /// The call binds exactly `npositional` positional arguments with no
    /// `*args`, `**kwargs` or keyword-only parameters (the VM's fast path).
    pub simple_args: bool,
    /// How many positional defaults and which keyword-only defaults a
    /// `MakeFunction` finds in its default registers.
    pub n_pos_defaults: u16,
    pub kwdefault_names: Vec<Name>,
    pub is_generator: bool,
    pub doc: Option<Rc<str>>,
    /// Class bodies: the `__class__` cell is in slot 0.
    pub needs_class_cell: bool,
    /// Byte offset of the statement last making a call in a frame of this
    /// code, shared with the runtime's `FrameInfo` so `logging` can name its
    /// caller's line. One cell per code object suffices: the runtime only
    /// reads the innermost frame of a code object, and that frame sets the
    /// cell before each call.
    pub pos: Rc<Cell<u32>>,
    /// The runtime's view of a frame of this code (shares `pos`), built
    /// once so a call pushes it with one reference count.
    pub frame_info: FrameInfo,
    /// This code's native translation, once the JIT has made it.
    pub native: crate::jit::NativeSlot,
}

/// What an instruction's name indexes in its code object: the name's
/// interned value and hash, and its caches (`CodeObject::name_site`).
pub struct NameSite<'a> {
    pub key: &'a Value,
    pub hash: i64,
    pub attr_cache: &'a AttrCache,
    pub method_cache: &'a MethodCache,
}

impl CodeObject {
    /// Name `i` and its caches, without bounds checks: `verify` checked
    /// that the names instructions look up this way (`verify::cached_name`)
    /// are names of this code, and every per-name vector has one entry a
    /// name (made so with them in the compiler).
    ///
    /// # Safety
    /// `i` is the name of a `LoadGlobal`, `GetAttr`, `SetAttr` or
    /// `CallMethod` of this code.
    #[inline(always)]
    pub unsafe fn name_site(&self, i: usize) -> NameSite<'_> {
        debug_assert!(i < self.names.len());
        // SAFETY: as said above; the vectors never change after the code
        // object is made.
        unsafe {
            let (key, hash) = self.name_values.get_unchecked(i);
            NameSite {
                key,
                hash: *hash,
                attr_cache: self.attr_cache.get_unchecked(i),
                method_cache: self.method_cache.get_unchecked(i),
            }
        }
    }

    /// The value of register `r` when it is a constant register (one of
    /// `const_regs`, never written), else `None`.
    pub fn const_reg(&self, r: Reg) -> Option<&Value> {
        let cbase = self.nslots + self.nfree;
        if (cbase..self.temp_base).contains(&r) {
            self.const_regs.get((r - cbase) as usize)
        } else {
            None
        }
    }

    /// 1-based line of a source byte offset.
    pub fn line_of(&self, pos: u32) -> u32 {
        line_of(&self.line_starts, pos)
    }

    /// The line an instruction belongs to.
    pub fn line_at(&self, pc: usize) -> u32 {
        match self.lines.get(pc) {
            Some(&line) => line,
            None => self.line_of(self.def_pos),
        }
    }

    /// The innermost handler covering `pc`.
    #[inline]
    pub fn handler_for(&self, pc: u32) -> Option<&Handler> {
        self.handlers.iter().find(|h| h.start <= pc && pc < h.end)
    }
}

/// 1-based line of a source byte offset, given where each line starts.
pub fn line_of(line_starts: &[u32], pos: u32) -> u32 {
    match line_starts.binary_search(&pos) {
        Ok(i) => i as u32 + 1,
        Err(i) => i as u32,
    }
}
