"""Prints CPython's AST of each file in the canonical form that
tests/ast_vs_cpython.rs prints for tern's AST (one S-expression per
statement, spans as line:col-line:col with byte columns)."""
import ast, json, struct, sys

OPS = {ast.Add: '+', ast.Sub: '-', ast.Mult: '*', ast.MatMult: '@', ast.Div: '/',
       ast.FloorDiv: '//', ast.Mod: '%', ast.Pow: '**', ast.LShift: '<<', ast.RShift: '>>',
       ast.BitOr: '|', ast.BitXor: '^', ast.BitAnd: '&', ast.Not: 'not', ast.USub: '-',
       ast.UAdd: '+', ast.Invert: '~', ast.And: 'and', ast.Or: 'or', ast.Eq: '==',
       ast.NotEq: '!=', ast.Lt: '<', ast.LtE: '<=', ast.Gt: '>', ast.GtE: '>=', ast.Is: 'is',
       ast.IsNot: 'is not', ast.In: 'in', ast.NotIn: 'not in'}

def op(o): return OPS[type(o)]
def s(n): return f"{n.lineno}:{n.col_offset}-{n.end_lineno}:{n.end_col_offset}"
def q(x): return json.dumps(x)
def opt(x, f): return 'None' if x is None else f(x)
def L(xs, f): return '[' + ' '.join(f(x) for x in xs) + ']'

def yields(body):
    found = False
    def visit(n):
        nonlocal found
        if isinstance(n, (ast.Yield, ast.YieldFrom)):
            found = True; return
        if isinstance(n, (ast.FunctionDef, ast.AsyncFunctionDef)):
            for d in n.decorator_list: visit(d)
            for d in n.args.defaults + [x for x in n.args.kw_defaults if x]: visit(d)
            return
        if isinstance(n, ast.ClassDef):
            for d in n.decorator_list + n.bases + [k.value for k in n.keywords]: visit(d)
            return
        if isinstance(n, ast.Lambda):
            for d in n.args.defaults + [x for x in n.args.kw_defaults if x]: visit(d)
            return
        if isinstance(n, (ast.ListComp, ast.SetComp, ast.DictComp, ast.GeneratorExp)):
            visit(n.generators[0].iter); return
        for c in ast.iter_child_nodes(n): visit(c)
    for st in body: visit(st)
    return found

def params(a):
    pos = a.posonlyargs + a.args
    defaults = [None] * (len(pos) - len(a.defaults)) + a.defaults
    def arg(x, d): return f"(arg {s(x)} {x.arg} {opt(d, e)})"
    return (f"(params {len(a.posonlyargs)} [" + ' '.join(arg(x, d) for x, d in zip(pos, defaults)) + "] "
            + opt(a.vararg, lambda v: arg(v, None)) + " ["
            + ' '.join(arg(x, d) for x, d in zip(a.kwonlyargs, a.kw_defaults)) + "] "
            + opt(a.kwarg, lambda v: arg(v, None)) + ")")

def args(pos, kws):
    def kw(k):
        if k.arg is None: return f"(dstar {e(k.value)})"
        return f"(kw {s(k)} {k.arg} {e(k.value)})"
    return f"(args {L(pos, e)} {L(kws, kw)})"

def fparts(values):
    out = []
    for v in values:
        if isinstance(v, ast.Constant):
            if out and out[-1][0] == 'lit': out[-1] = ('lit', out[-1][1] + v.value)
            else: out.append(('lit', v.value))
        else:
            conv = 'None' if v.conversion == -1 else chr(v.conversion)
            spec = 'None' if v.format_spec is None else '[' + ' '.join(fparts(v.format_spec.values)) + ']'
            out.append(('fv', f"(fv {e(v.value)} {conv} {spec})"))
    return [f"(lit {q(x)})" if k == 'lit' else x for k, x in out]

def comp(c): return f"(comp {e(c.target)} {e(c.iter)} {L(c.ifs, e)})"

def e(n):
    t = type(n).__name__
    if isinstance(n, ast.Name): return f"(Name {s(n)} {n.id})"
    if isinstance(n, ast.Constant):
        v = n.value
        if v is None: return f"(None {s(n)})"
        if v is Ellipsis: return f"(Ellipsis {s(n)})"
        if isinstance(v, bool): return f"(Bool {s(n)} {v})"
        if isinstance(v, int): return f"(Int {s(n)} {v})"
        if isinstance(v, float): return f"(Float {s(n)} {struct.unpack('<Q', struct.pack('<d', v))[0]})"
        if isinstance(v, str): return f"(Str {s(n)} {q(v)})"
        return f"(Constant? {s(n)} {v!r})"
    if isinstance(n, ast.JoinedStr): return f"(FString {s(n)} [" + ' '.join(fparts(n.values)) + "])"
    if isinstance(n, ast.BinOp): return f"(BinOp {s(n)} {e(n.left)} {op(n.op)} {e(n.right)})"
    if isinstance(n, ast.UnaryOp): return f"(UnaryOp {s(n)} {op(n.op)} {e(n.operand)})"
    if isinstance(n, ast.BoolOp): return f"(BoolOp {s(n)} {op(n.op)} {L(n.values, e)})"
    if isinstance(n, ast.Compare):
        return f"(Compare {s(n)} {e(n.left)} [" + ' '.join(f"({op(o)} {e(c)})" for o, c in zip(n.ops, n.comparators)) + "])"
    if isinstance(n, ast.Call): return f"(Call {s(n)} {e(n.func)} {args(n.args, n.keywords)})"
    if isinstance(n, ast.Attribute): return f"(Attribute {s(n)} {e(n.value)} {n.attr})"
    if isinstance(n, ast.Subscript): return f"(Subscript {s(n)} {e(n.value)} {e(n.slice)})"
    if isinstance(n, ast.Slice): return f"(Slice {s(n)} {opt(n.lower, e)} {opt(n.upper, e)} {opt(n.step, e)})"
    if isinstance(n, (ast.Tuple, ast.List, ast.Set)): return f"({t} {s(n)} {L(n.elts, e)})"
    if isinstance(n, ast.Dict):
        return f"(Dict {s(n)} [" + ' '.join(f"(** {e(v)})" if k is None else f"({e(k)} {e(v)})" for k, v in zip(n.keys, n.values)) + "])"
    if isinstance(n, ast.Starred): return f"(Starred {s(n)} {e(n.value)})"
    if isinstance(n, ast.Lambda):
        return f"(Lambda {s(n)} {params(n.args)} {e(n.body)} {yields([n.body])})"
    if isinstance(n, ast.IfExp): return f"(IfExp {s(n)} {e(n.test)} {e(n.body)} {e(n.orelse)})"
    if isinstance(n, (ast.ListComp, ast.SetComp, ast.GeneratorExp)):
        return f"({t} {s(n)} {e(n.elt)} {L(n.generators, comp)})"
    if isinstance(n, ast.DictComp): return f"(DictComp {s(n)} {e(n.key)} {e(n.value)} {L(n.generators, comp)})"
    if isinstance(n, ast.Yield): return f"(Yield {s(n)} {opt(n.value, e)})"
    if isinstance(n, ast.YieldFrom): return f"(YieldFrom {s(n)} {e(n.value)})"
    return f"(?{t})"

def alias(a): return f"(alias {s(a)} {a.name} {opt(a.asname, str)})"

def st(n):
    t = type(n).__name__
    if isinstance(n, ast.Expr): return f"(Expr {s(n)} {e(n.value)})"
    if isinstance(n, ast.Assign): return f"(Assign {s(n)} {L(n.targets, e)} {e(n.value)})"
    if isinstance(n, ast.AnnAssign):
        if n.value is None: return f"(Pass {s(n)})"
        return f"(Assign {s(n)} [{e(n.target)}] {e(n.value)})"
    if isinstance(n, ast.AugAssign): return f"(AugAssign {s(n)} {e(n.target)} {op(n.op)} {e(n.value)})"
    if isinstance(n, ast.Delete): return f"(Del {s(n)} {L(n.targets, e)})"
    if isinstance(n, (ast.Pass, ast.Break, ast.Continue)): return f"({t} {s(n)})"
    if isinstance(n, ast.Return): return f"(Return {s(n)} {opt(n.value, e)})"
    if isinstance(n, ast.Raise): return f"(Raise {s(n)} {opt(n.exc, e)} {opt(n.cause, e)})"
    if isinstance(n, (ast.Global, ast.Nonlocal)): return f"({t} {s(n)} {' '.join(n.names)})"
    if isinstance(n, ast.Assert): return f"(Assert {s(n)} {e(n.test)} {opt(n.msg, e)})"
    if isinstance(n, ast.Import): return f"(Import {s(n)} {L(n.names, alias)})"
    if isinstance(n, ast.ImportFrom):
        star = len(n.names) == 1 and n.names[0].name == '*'
        names = [] if star else n.names
        return f"(ImportFrom {s(n)} {opt(n.module, str)} {n.level} {L(names, alias)} {star})"
    if isinstance(n, (ast.If, ast.While)): return f"({t} {s(n)} {e(n.test)} {L(n.body, st)} {L(n.orelse, st)})"
    if isinstance(n, ast.For): return f"(For {s(n)} {e(n.target)} {e(n.iter)} {L(n.body, st)} {L(n.orelse, st)})"
    if isinstance(n, ast.Try):
        def h(x): return f"(handler {s(x)} {opt(x.type, e)} {opt(x.name, str)} {L(x.body, st)})"
        return f"(Try {s(n)} {L(n.body, st)} {L(n.handlers, h)} {L(n.orelse, st)} {L(n.finalbody, st)})"
    if isinstance(n, ast.With):
        def item(i): return f"(item {e(i.context_expr)} {opt(i.optional_vars, e)})"
        return f"(With {s(n)} {L(n.items, item)} {L(n.body, st)})"
    if isinstance(n, ast.FunctionDef):
        return (f"(FunctionDef {s(n)} {n.name} {params(n.args)} {L(n.body, st)} "
                f"{L(n.decorator_list, e)} {yields(n.body)})")
    if isinstance(n, ast.ClassDef):
        return f"(ClassDef {s(n)} {n.name} {args(n.bases, n.keywords)} {L(n.body, st)} {L(n.decorator_list, e)})"
    return f"(?{t})"

for path in sys.argv[1:]:
    src = open(path, encoding='utf-8').read()
    print(f"=== {path}")
    try:
        tree = ast.parse(src)
        compile(src, path, "exec")
    except SyntaxError as ex:
        print("ERROR")
        continue
    for n in tree.body:
        print(st(n))
