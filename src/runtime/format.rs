//! Python-exact text formatting and number parsing for tern.
//!
//! Why this module exists: tern's output must match CPython 3.11 byte for byte, and
//! Rust's own formatting of numbers differs from Python's in many small ways
//! (`1e16` vs `1e+16`, exact ties in the shortest representation broken upward
//! instead of to even, no `format()` mini-language, no `%`-formatting, different
//! accepted syntax for `int()`/`float()`). Every place where the interpreter turns
//! numbers or strings into text (`repr`/`str` of floats and strings, `format()`,
//! f-strings, `str.format`, `%`-formatting, `round()`) or text into numbers
//! (`int(s, base)`, `float(s)`) goes through the pure functions here.
//!
//! The code is a port of the relevant parts of CPython 3.11:
//! `Python/formatter_unicode.c` (format-spec mini-language), `Python/pystrtod.c`
//! (`format_float_short`), `Objects/unicodeobject.c` (`PyUnicode_Format`,
//! `unicode_repr`), `Objects/longobject.c` (`PyLong_FromString`) and
//! `Objects/floatobject.c` (`double_round`, `float_from_string_inner`). Decimal
//! digits of floats come from Rust's exact float formatting (which rounds half to
//! even on the exact binary value, as David Gay's `dtoa` does); the shortest
//! representation is corrected to CPython's tie-breaking rule. Errors are returned
//! as [`FmtError`], naming the Python exception type and carrying its message.
//!
//! Depends only on `std`, `num-bigint`, `num-traits` and `num-integer`.

use num_bigint::BigInt;
use num_integer::Integer;
use num_traits::{One, Signed, ToPrimitive, Zero};
use std::fmt;

/// A Python exception to raise: the variant names its type, the string is its message.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum FmtError {
    /// `ValueError(message)`
    Value(String),
    /// `TypeError(message)`
    Type(String),
    /// `OverflowError(message)`
    Overflow(String),
}

impl FmtError {
    /// The Python exception class name: `"ValueError"`, `"TypeError"` or `"OverflowError"`.
    pub fn exception_name(&self) -> &'static str {
        match self {
            FmtError::Value(_) => "ValueError",
            FmtError::Type(_) => "TypeError",
            FmtError::Overflow(_) => "OverflowError",
        }
    }

    /// The exception's message.
    pub fn message(&self) -> &str {
        match self {
            FmtError::Value(m) | FmtError::Type(m) | FmtError::Overflow(m) => m,
        }
    }
}

impl fmt::Display for FmtError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.exception_name(), self.message())
    }
}

impl std::error::Error for FmtError {}

fn value_err(msg: impl Into<String>) -> FmtError {
    FmtError::Value(msg.into())
}

/// CPython's default `sys.get_int_max_str_digits()`: decimal conversions of ints
/// with more digits than this raise `ValueError` (both directions).
pub const INT_MAX_STR_DIGITS: usize = 4300;

// ---------------------------------------------------------------------------
// Float -> decimal digits (the three `_Py_dg_dtoa` modes CPython uses)
// ---------------------------------------------------------------------------

/// Splits Rust's `{:e}` output (`"1.2345e-5"`) of a non-negative float into its
/// digits and `dtoa`'s decimal-point position (value = 0.DIGITS * 10**decpt).
fn split_sci(s: &str) -> (Vec<u8>, i64) {
    let (mant, exp) = s.split_once('e').unwrap_or((s, "0"));
    let exp: i64 = exp.parse().unwrap_or(0);
    let digits: Vec<u8> = mant.bytes().filter(u8::is_ascii_digit).collect();
    (digits, exp + 1)
}

fn strip_trailing_zeros(d: &mut Vec<u8>) {
    while d.len() > 1 && d.last() == Some(&b'0') {
        d.pop();
    }
}

/// `dtoa` mode 0: the shortest digit string that round-trips; among several
/// such strings the one closest to the exact value, ties to even.
fn dtoa_shortest(ax: f64) -> (Vec<u8>, i64) {
    if ax == 0.0 {
        return (vec![b'0'], 1);
    }
    let (digits, decpt) = split_sci(&format!("{ax:e}"));
    // Rust breaks exact ties between two equally close shortest candidates upward,
    // CPython to even. The correctly rounded string of the same length is the
    // closest one; take it whenever it round-trips.
    let n = digits.len().max(1);
    let c = format!("{:.*e}", n - 1, ax);
    if c.parse::<f64>() == Ok(ax) {
        let (mut d2, p2) = split_sci(&c);
        strip_trailing_zeros(&mut d2);
        return (d2, p2);
    }
    (digits, decpt)
}

/// `dtoa` mode 2: `n >= 1` significant digits, correctly rounded, trailing zeros removed.
fn dtoa_significant(ax: f64, n: usize) -> (Vec<u8>, i64) {
    if ax == 0.0 {
        return (vec![b'0'], 1);
    }
    let (mut d, p) = split_sci(&format!("{:.*e}", n.max(1) - 1, ax));
    strip_trailing_zeros(&mut d);
    (d, p)
}

/// `dtoa` mode 3: rounded to `n` digits after the point, trailing zeros removed;
/// a value that rounds to zero gives no digits and `decpt == -n`.
fn dtoa_fixed(ax: f64, n: usize) -> (Vec<u8>, i64) {
    if ax == 0.0 {
        return (vec![b'0'], 1);
    }
    let s = format!("{ax:.n$}");
    let (int_part, frac) = s.split_once('.').unwrap_or((&s, ""));
    let all: Vec<u8> = int_part.bytes().chain(frac.bytes()).collect();
    let lead = all.iter().take_while(|&&b| b == b'0').count();
    if lead == all.len() {
        return (Vec::new(), -(n as i64));
    }
    let mut d = all[lead..].to_vec();
    strip_trailing_zeros(&mut d);
    (d, int_part.len() as i64 - lead as i64)
}

#[derive(Clone, Copy, Default)]
struct DtoaFlags {
    /// `Py_DTSF_SIGN`: always add a sign.
    add_sign: bool,
    /// `Py_DTSF_ADD_DOT_0`: integers get a trailing `.0` (repr style).
    add_dot_0: bool,
    /// `Py_DTSF_ALT`: alternate form (`#`).
    alt: bool,
    /// `Py_DTSF_NO_NEG_0`: negative zero (after rounding) prints without a sign (`z`).
    no_neg_0: bool,
}

/// `PyOS_double_to_string` + `format_float_short`: `code` is one of
/// `e E f F g G r` (`r` = repr, precision ignored).
fn double_to_string(val: f64, code: char, precision: usize, flags: DtoaFlags) -> String {
    let (code, upper) = match code {
        'E' => ('e', true),
        'F' => ('f', true),
        'G' => ('g', true),
        c => (c, false),
    };
    let precision = match code {
        'e' => precision.saturating_add(1),
        'g' => precision.max(1),
        'f' => precision,
        _ => 0,
    };
    let mut out = String::new();
    if val.is_nan() {
        if flags.add_sign {
            out.push('+');
        }
        out.push_str(if upper { "NAN" } else { "nan" });
        return out;
    }
    let mut negative = val.is_sign_negative();
    if val.is_infinite() {
        if negative {
            out.push('-');
        } else if flags.add_sign {
            out.push('+');
        }
        out.push_str(if upper { "INF" } else { "inf" });
        return out;
    }
    let ax = val.abs();
    let (digits, mut decpt) = match code {
        'e' | 'g' => dtoa_significant(ax, precision),
        'f' => dtoa_fixed(ax, precision),
        _ => dtoa_shortest(ax),
    };
    if flags.no_neg_0 && negative && (digits.is_empty() || digits == b"0") {
        negative = false;
    }
    let precision = precision as i64;
    let dlen = digits.len() as i64;
    let mut use_exp = false;
    let mut vend = dlen;
    match code {
        'e' => {
            use_exp = true;
            vend = precision;
        }
        'f' => vend = decpt + precision,
        'g' => {
            let limit = if flags.add_dot_0 {
                precision - 1
            } else {
                precision
            };
            if decpt <= -4 || decpt > limit {
                use_exp = true;
            }
            if flags.alt {
                vend = precision;
            }
        }
        _ => {
            if decpt <= -4 || decpt > 16 {
                use_exp = true;
            }
        }
    }
    let mut exp = 0;
    if use_exp {
        exp = decpt - 1;
        decpt = 1;
    }
    let vstart = if decpt <= 0 { decpt - 1 } else { 0 };
    if !use_exp && flags.add_dot_0 {
        vend = vend.max(decpt + 1);
    } else {
        vend = vend.max(decpt);
    }
    let zeros = |out: &mut String, n: i64| {
        for _ in 0..n.max(0) {
            out.push('0');
        }
    };
    if negative {
        out.push('-');
    } else if flags.add_sign {
        out.push('+');
    }
    if decpt <= 0 {
        zeros(&mut out, decpt - vstart);
        out.push('.');
        zeros(&mut out, -decpt);
    } else {
        zeros(&mut out, -vstart);
    }
    let text = |d: &[u8]| d.iter().map(|&b| b as char).collect::<String>();
    if 0 < decpt && decpt <= dlen {
        out.push_str(&text(&digits[..decpt as usize]));
        out.push('.');
        out.push_str(&text(&digits[decpt as usize..]));
    } else {
        out.push_str(&text(&digits));
    }
    if dlen < decpt {
        zeros(&mut out, decpt - dlen);
        out.push('.');
        zeros(&mut out, vend - decpt);
    } else {
        zeros(&mut out, vend - dlen);
    }
    if out.ends_with('.') && !flags.alt {
        out.pop();
    }
    if use_exp {
        out.push(if upper { 'E' } else { 'e' });
        out.push_str(&format!("{exp:+03}"));
    }
    out
}

/// `repr(float)` / `str(float)`: shortest round-trip digits with CPython's layout:
/// `'1.0'`, `'0.1'`, `'1e+16'`, `'1e-05'`, `'1.5e-07'`, `'123456789012345.0'`,
/// `'inf'`, `'-inf'`, `'nan'`, `'-0.0'`.
pub fn float_repr(x: f64) -> String {
    double_to_string(
        x,
        'r',
        0,
        DtoaFlags {
            add_dot_0: true,
            ..DtoaFlags::default()
        },
    )
}

/// Formats a float as `%`-formatting and `format()` do for type `e E f F g G`
/// with the given precision (`alternate` is the `#` flag). `ty == 'r'` gives `repr`.
pub fn format_float_type(v: f64, ty: char, precision: usize, alternate: bool) -> String {
    double_to_string(
        v,
        ty,
        precision,
        DtoaFlags {
            alt: alternate,
            ..DtoaFlags::default()
        },
    )
}

// ---------------------------------------------------------------------------
// The format-spec mini-language: format(value, spec)
// ---------------------------------------------------------------------------

/// A parsed format spec `[[fill]align][sign][z][#][0][width][grouping][.precision][type]`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FormatSpec {
    /// The fill character (`' '` unless given explicitly before an alignment).
    pub fill: char,
    /// `<`, `>`, `^` or `=` when given.
    pub align: Option<char>,
    /// `+`, `-` or `' '` when given.
    pub sign: Option<char>,
    /// `z`: coerce negative zero to positive zero (floats only).
    pub no_neg_0: bool,
    /// `#`: alternate form.
    pub alternate: bool,
    /// A `0` before the width with no explicit fill: pad with zeros (after the
    /// sign for numbers, unless an alignment was given).
    pub zero_pad: bool,
    /// Minimum field width in characters.
    pub width: Option<usize>,
    /// `,` or `_`.
    pub grouping: Option<char>,
    /// Digits after the point (floats) or maximum length (strings).
    pub precision: Option<usize>,
    /// The presentation type, or the default type passed to the parser.
    pub ty: Option<char>,
}

fn char_desc(c: char) -> String {
    let u = c as u32;
    if u > 32 && u < 128 {
        c.to_string()
    } else {
        format!("\\x{u:x}")
    }
}

fn unknown_presentation_type(ty: char, type_name: &str) -> FmtError {
    value_err(format!(
        "Unknown format code '{}' for object of type '{}'",
        char_desc(ty),
        type_name
    ))
}

/// Reads a run of (Unicode) decimal digits at `chars[*pos..]` like CPython's
/// `get_integer`; returns `None` when there are none.
fn get_integer(chars: &[char], pos: &mut usize) -> Result<Option<usize>, FmtError> {
    let mut acc: usize = 0;
    let mut n = 0;
    while let Some(d) = chars.get(*pos).and_then(|&c| decimal_value(c)) {
        acc = acc
            .checked_mul(10)
            .and_then(|a| a.checked_add(d as usize))
            .filter(|&a| a <= isize::MAX as usize)
            .ok_or_else(|| value_err("Too many decimal digits in format string"))?;
        *pos += 1;
        n += 1;
    }
    Ok(if n == 0 { None } else { Some(acc) })
}

/// Parses a format spec with no default type; `"Invalid format specifier"` errors
/// name the type `object`. See [`parse_format_spec_for`].
pub fn parse_format_spec(spec: &str) -> Result<FormatSpec, FmtError> {
    parse_format_spec_for(spec, None, "object")
}

/// Parses a format spec as CPython's `parse_internal_render_format_spec` does for
/// an object of type `type_name` whose default presentation type is
/// `default_type` (`Some('d')` for int, `None` for float, `Some('s')` for str):
/// the default matters for the grouping check (`format('x', ',')` fails).
pub fn parse_format_spec_for(
    spec: &str,
    default_type: Option<char>,
    type_name: &str,
) -> Result<FormatSpec, FmtError> {
    let chars: Vec<char> = spec.chars().collect();
    let end = chars.len();
    let is_align = |c: char| matches!(c, '<' | '>' | '=' | '^');
    let mut f = FormatSpec {
        fill: ' ',
        align: None,
        sign: None,
        no_neg_0: false,
        alternate: false,
        zero_pad: false,
        width: None,
        grouping: None,
        precision: None,
        ty: default_type,
    };
    let mut pos = 0;
    let mut fill_specified = false;
    if end >= 2 && is_align(chars[1]) {
        f.align = Some(chars[1]);
        f.fill = chars[0];
        fill_specified = true;
        pos = 2;
    } else if end >= 1 && is_align(chars[0]) {
        f.align = Some(chars[0]);
        pos = 1;
    }
    if pos < end && matches!(chars[pos], '+' | '-' | ' ') {
        f.sign = Some(chars[pos]);
        pos += 1;
    }
    if pos < end && chars[pos] == 'z' {
        f.no_neg_0 = true;
        pos += 1;
    }
    if pos < end && chars[pos] == '#' {
        f.alternate = true;
        pos += 1;
    }
    if !fill_specified && pos < end && chars[pos] == '0' {
        f.zero_pad = true;
        pos += 1;
    }
    f.width = get_integer(&chars, &mut pos)?;
    let both = || value_err("Cannot specify both ',' and '_'.");
    if pos < end && chars[pos] == ',' {
        f.grouping = Some(',');
        pos += 1;
    }
    if pos < end && chars[pos] == '_' {
        if f.grouping.is_some() {
            return Err(both());
        }
        f.grouping = Some('_');
        pos += 1;
    }
    if pos < end && chars[pos] == ',' && f.grouping == Some('_') {
        return Err(both());
    }
    if pos < end && chars[pos] == '.' {
        pos += 1;
        f.precision = get_integer(&chars, &mut pos)?;
        if f.precision.is_none() {
            return Err(value_err("Format specifier missing precision"));
        }
    }
    if end - pos > 1 {
        return Err(value_err(format!(
            "Invalid format specifier '{spec}' for object of type '{type_name}'"
        )));
    }
    if end - pos == 1 {
        f.ty = Some(chars[pos]);
    }
    if let Some(g) = f.grouping {
        let ok = match f.ty {
            None | Some('d' | 'e' | 'f' | 'g' | 'E' | 'G' | '%' | 'F') => true,
            Some('b' | 'o' | 'x' | 'X') => g == '_',
            _ => false,
        };
        if !ok {
            let ty = f.ty.unwrap_or('\0');
            return Err(value_err(format!(
                "Cannot specify '{g}' with '{}'.",
                char_desc(ty)
            )));
        }
    }
    Ok(f)
}

/// Fill and alignment after applying the `0` flag and the type's default alignment.
fn resolve_fill_align(f: &FormatSpec, default_align: char) -> (char, char) {
    if f.zero_pad {
        let align = f.align.unwrap_or(if default_align == '>' {
            '='
        } else {
            default_align
        });
        ('0', align)
    } else {
        (f.fill, f.align.unwrap_or(default_align))
    }
}

/// Inserts `sep` every `group` digits from the right (`group == 0`: never),
/// padding with leading zeros (which are grouped too) up to `min_width`
/// characters: `_PyUnicode_InsertThousandsGrouping`.
fn group_digits(digits: &[u8], min_width: i64, sep: Option<char>, group: usize) -> String {
    if min_width <= 0 && !digits.is_empty() {
        // No zero padding: separators every `group` digits from the right.
        let mut out = String::with_capacity(digits.len() * 2);
        match sep {
            Some(sep) if group > 0 => {
                let first = match digits.len() % group {
                    0 => group,
                    r => r,
                };
                out.extend(digits[..first].iter().map(|&d| d as char));
                for chunk in digits[first..].chunks(group) {
                    out.push(sep);
                    out.extend(chunk.iter().map(|&d| d as char));
                }
            }
            _ => out.extend(digits.iter().map(|&d| d as char)),
        }
        return out;
    }
    let sep_len = i64::from(sep.is_some());
    let mut min_width = min_width.max(0);
    let mut remaining = digits.len() as i64;
    let mut rev: Vec<char> = Vec::with_capacity(digits.len() * 2);
    let mut pos = digits.len();
    let mut use_sep = false;
    let mut emit = |rev: &mut Vec<char>, use_sep: bool, n_chars: i64, n_zeros: i64| {
        if use_sep {
            if let Some(s) = sep {
                rev.push(s);
            }
        }
        for _ in 0..n_chars {
            pos -= 1;
            rev.push(digits[pos] as char);
        }
        for _ in 0..n_zeros {
            rev.push('0');
        }
    };
    let mut broken = false;
    if group > 0 {
        let g = group as i64;
        loop {
            let len = g.min(remaining.max(min_width).max(1));
            let n_zeros = (len - remaining).max(0);
            let n_chars = remaining.min(len).max(0);
            emit(&mut rev, use_sep, n_chars, n_zeros);
            use_sep = true;
            remaining -= n_chars;
            min_width -= len;
            if remaining <= 0 && min_width <= 0 {
                broken = true;
                break;
            }
            min_width -= sep_len;
        }
    }
    if !broken {
        let len = remaining.max(min_width).max(1);
        let n_zeros = (len - remaining).max(0);
        let n_chars = remaining.min(len).max(0);
        emit(&mut rev, use_sep, n_chars, n_zeros);
    }
    rev.iter().rev().collect()
}

/// Groups a plain string of ASCII digits with `sep` every `group` digits from the
/// right, e.g. `group_digit_string("1234567", ',', 3) == "1,234,567"`.
pub fn group_digit_string(digits: &str, sep: char, group: usize) -> String {
    group_digits(digits.as_bytes(), 0, Some(sep), group)
}

/// The pieces of a formatted number, laid out by [`render_number`]
/// (`calc_number_widths` + `fill_number`).
struct NumberLayout<'a> {
    fill: char,
    align: char,
    sign: Option<char>,
    width: Option<usize>,
    negative: bool,
    prefix: &'a str,
    digits: &'a str,
    has_decimal: bool,
    remainder: &'a str,
    sep: Option<char>,
    group: usize,
}

fn render_number(l: &NumberLayout) -> String {
    let sign_char = match l.sign {
        Some('+') => Some(if l.negative { '-' } else { '+' }),
        Some(' ') => Some(if l.negative { '-' } else { ' ' }),
        _ => l.negative.then_some('-'),
    };
    let n_sign = i64::from(sign_char.is_some());
    let n_prefix = l.prefix.chars().count() as i64;
    let n_remainder = l.remainder.chars().count() as i64;
    let non_digit = n_sign + n_prefix + i64::from(l.has_decimal) + n_remainder;
    let width = l.width.map_or(-1, |w| w as i64);
    let min_width = if l.fill == '0' && l.align == '=' {
        width - non_digit
    } else {
        0
    };
    let grouped = if l.digits.is_empty() {
        String::new()
    } else {
        group_digits(l.digits.as_bytes(), min_width, l.sep, l.group)
    };
    let n_grouped = grouped.chars().count() as i64;
    let padding = (width - (non_digit + n_grouped)).max(0);
    let (lpad, spad, rpad) = match l.align {
        '<' => (0, 0, padding),
        '^' => (padding / 2, 0, padding - padding / 2),
        '=' => (0, padding, 0),
        _ => (padding, 0, 0),
    };
    let mut out = String::with_capacity((width.max(0) + non_digit + n_grouped) as usize);
    let fill = |out: &mut String, n: i64| {
        for _ in 0..n {
            out.push(l.fill);
        }
    };
    fill(&mut out, lpad);
    if let Some(c) = sign_char {
        out.push(c);
    }
    out.push_str(l.prefix);
    fill(&mut out, spad);
    out.push_str(&grouped);
    if l.has_decimal {
        out.push('.');
    }
    out.push_str(l.remainder);
    fill(&mut out, rpad);
    out
}

/// `str(int)`, with CPython's limit of [`INT_MAX_STR_DIGITS`] digits.
pub fn int_to_decimal(v: &BigInt) -> Result<String, FmtError> {
    let s = v.to_string();
    let digits = s.len() - usize::from(s.starts_with('-'));
    if digits > INT_MAX_STR_DIGITS {
        return Err(value_err(format!(
            "Exceeds the limit ({INT_MAX_STR_DIGITS} digits) for integer string conversion; \
             use sys.set_int_max_str_digits() to increase the limit"
        )));
    }
    Ok(s)
}

/// `float(int)`: correctly rounded, `OverflowError` when out of range.
pub fn int_to_float(v: &BigInt) -> Result<f64, FmtError> {
    match v.to_f64() {
        Some(x) if x.is_finite() => Ok(x),
        _ => Err(FmtError::Overflow(
            "int too large to convert to float".into(),
        )),
    }
}

/// `format(int, spec)`. An empty spec gives `str(v)`.
pub fn format_int(v: &BigInt, spec: &str) -> Result<String, FmtError> {
    format_int_typed(IntArg::Big(v), spec, "int")
}

/// An int to format: unboxed ints are formatted without a bigint.
#[derive(Clone, Copy)]
pub enum IntArg<'a> {
    Small(i64),
    Big(&'a BigInt),
}

impl IntArg<'_> {
    fn decimal(self) -> Result<String, FmtError> {
        match self {
            // Unboxed ints have at most 15 digits: no digit limit applies.
            IntArg::Small(i) => Ok(i.to_string()),
            IntArg::Big(b) => int_to_decimal(b),
        }
    }
    fn is_negative(self) -> bool {
        match self {
            IntArg::Small(i) => i < 0,
            IntArg::Big(b) => b.is_negative(),
        }
    }
    fn to_i64(self) -> Option<i64> {
        match self {
            IntArg::Small(i) => Some(i),
            IntArg::Big(b) => b.to_i64(),
        }
    }
    fn to_float(self) -> Result<f64, FmtError> {
        match self {
            // Unboxed ints (48 bits) convert to floats exactly.
            IntArg::Small(i) => Ok(i as f64),
            IntArg::Big(b) => int_to_float(b),
        }
    }
    fn magnitude_radix(self, base: u32) -> String {
        match self {
            IntArg::Small(i) => match base {
                2 => format!("{:b}", i.unsigned_abs()),
                8 => format!("{:o}", i.unsigned_abs()),
                16 => format!("{:x}", i.unsigned_abs()),
                _ => i.unsigned_abs().to_string(),
            },
            IntArg::Big(b) => b.magnitude().to_str_radix(base),
        }
    }
}

/// [`format_int`] for int-like objects whose type name appears in error
/// messages (e.g. `"bool"`; note `format(True, '')` is `'True'`, which the caller handles).
pub fn format_int_typed(v: IntArg, spec: &str, type_name: &str) -> Result<String, FmtError> {
    if spec.is_empty() {
        return v.decimal();
    }
    let f = parse_format_spec_for(spec, Some('d'), type_name)?;
    match f.ty.unwrap_or('d') {
        'b' | 'c' | 'd' | 'o' | 'x' | 'X' | 'n' => format_long_internal(v, &f),
        'e' | 'E' | 'f' | 'F' | 'g' | 'G' | '%' => format_float_internal(v.to_float()?, &f),
        t => Err(unknown_presentation_type(t, type_name)),
    }
}

fn format_long_internal(v: IntArg, f: &FormatSpec) -> Result<String, FmtError> {
    if f.precision.is_some() {
        return Err(value_err(
            "Precision not allowed in integer format specifier",
        ));
    }
    if f.no_neg_0 {
        return Err(value_err(
            "Negative zero coercion (z) not allowed in integer format specifier",
        ));
    }
    let ty = f.ty.unwrap_or('d');
    let (fill, align) = resolve_fill_align(f, '>');
    if ty == 'c' {
        if f.sign.is_some() {
            return Err(value_err(
                "Sign not allowed with integer format specifier 'c'",
            ));
        }
        if f.alternate {
            return Err(value_err(
                "Alternate form (#) not allowed with integer format specifier 'c'",
            ));
        }
        let x = v.to_i64().ok_or_else(|| {
            FmtError::Overflow("Python int too large to convert to C long".into())
        })?;
        if !(0..=0x10ffff).contains(&x) {
            return Err(FmtError::Overflow("%c arg not in range(0x110000)".into()));
        }
        let c = char::from_u32(x as u32)
            .ok_or_else(|| value_err(format!("lone surrogate U+{x:04X} cannot be represented")))?;
        let text = c.to_string();
        return Ok(render_number(&NumberLayout {
            fill,
            align,
            sign: None,
            width: f.width,
            negative: false,
            prefix: "",
            digits: "",
            has_decimal: false,
            remainder: &text,
            sep: None,
            group: 0,
        }));
    }
    let (base, prefix) = match ty {
        'b' => (2, "0b"),
        'o' => (8, "0o"),
        'x' => (16, "0x"),
        'X' => (16, "0X"),
        _ => (10, ""),
    };
    let digits = if base == 10 {
        let mut s = v.decimal()?;
        if s.starts_with('-') {
            s.remove(0);
        }
        s
    } else {
        let s = v.magnitude_radix(base);
        if ty == 'X' {
            s.to_ascii_uppercase()
        } else {
            s
        }
    };
    let (sep, group) = match (ty, f.grouping) {
        ('n', _) | (_, None) => (None, 0),
        (_, Some('_')) if base != 10 => (Some('_'), 4),
        (_, Some(g)) => (Some(g), 3),
    };
    Ok(render_number(&NumberLayout {
        fill,
        align,
        sign: f.sign,
        width: f.width,
        negative: v.is_negative(),
        prefix: if f.alternate { prefix } else { "" },
        digits: &digits,
        has_decimal: false,
        remainder: "",
        sep,
        group,
    }))
}

/// `format(float, spec)`. An empty spec gives `repr(v)`.
pub fn format_float(v: f64, spec: &str) -> Result<String, FmtError> {
    format_float_typed(v, spec, "float")
}

/// [`format_float`] with the type name used in error messages.
pub fn format_float_typed(v: f64, spec: &str, type_name: &str) -> Result<String, FmtError> {
    if spec.is_empty() {
        return Ok(float_repr(v));
    }
    if let Some(s) = fixed_point(v, spec) {
        return Ok(s);
    }
    let f = parse_format_spec_for(spec, None, type_name)?;
    match f.ty {
        None | Some('e' | 'E' | 'f' | 'F' | 'g' | 'G' | 'n' | '%') => format_float_internal(v, &f),
        Some(t) => Err(unknown_presentation_type(t, type_name)),
    }
}

/// `format(v, ".Nf")` for a finite `v` and `N` < 100, the spec programs
/// use most, without parsing it: Rust's fixed-point formatting rounds
/// the exact binary value correctly, as CPython's does (`dtoa_fixed`
/// relies on the same), and a negative value keeps its sign even when it
/// rounds to zero, as in CPython.
fn fixed_point(v: f64, spec: &str) -> Option<String> {
    let digits = spec.strip_prefix('.')?.strip_suffix('f')?;
    if digits.is_empty() || digits.len() > 2 || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    if !v.is_finite() {
        return None;
    }
    let n: usize = digits.parse().ok()?;
    let mut out = String::with_capacity(24);
    if v.is_sign_negative() {
        out.push('-');
    }
    use std::fmt::Write;
    write!(out, "{:.n$}", v.abs()).ok()?;
    Some(out)
}

fn format_float_internal(v: f64, f: &FormatSpec) -> Result<String, FmtError> {
    if f.precision.is_some_and(|p| p > i32::MAX as usize) {
        return Err(value_err("precision too big"));
    }
    let mut flags = DtoaFlags {
        alt: f.alternate,
        no_neg_0: f.no_neg_0,
        ..DtoaFlags::default()
    };
    let mut default_precision = 6;
    let mut ty = match f.ty {
        None => {
            flags.add_dot_0 = true;
            default_precision = 0;
            'r'
        }
        Some('n') => 'g',
        Some(t) => t,
    };
    let mut val = v;
    let mut add_pct = false;
    if ty == '%' {
        ty = 'f';
        val *= 100.0;
        add_pct = true;
    }
    let precision = match f.precision {
        None => default_precision,
        Some(p) => {
            if ty == 'r' {
                ty = 'g';
            }
            p
        }
    };
    let mut s = double_to_string(val, ty, precision, flags);
    if add_pct {
        s.push('%');
    }
    let (negative, body) = match s.strip_prefix('-') {
        Some(rest) => (true, rest),
        None => (false, s.as_str()),
    };
    let n_int = body.bytes().take_while(u8::is_ascii_digit).count();
    let (digits, rest) = body.split_at(n_int);
    let (has_decimal, remainder) = match rest.strip_prefix('.') {
        Some(r) => (true, r),
        None => (false, rest),
    };
    let (sep, group) = match (f.ty, f.grouping) {
        (Some('n'), _) | (_, None) => (None, 0),
        (_, Some(g)) => (Some(g), 3),
    };
    let (fill, align) = resolve_fill_align(f, '>');
    Ok(render_number(&NumberLayout {
        fill,
        align,
        sign: f.sign,
        width: f.width,
        negative,
        prefix: "",
        digits,
        has_decimal,
        remainder,
        sep,
        group,
    }))
}

/// `format(str, spec)`: type `s` or none; precision truncates; default alignment left.
pub fn format_str(s: &str, spec: &str) -> Result<String, FmtError> {
    format_str_typed(s, spec, "str")
}

/// [`format_str`] with the type name used in error messages.
pub fn format_str_typed(s: &str, spec: &str, type_name: &str) -> Result<String, FmtError> {
    if spec.is_empty() {
        return Ok(s.to_string());
    }
    let f = parse_format_spec_for(spec, Some('s'), type_name)?;
    if let Some(t) = f.ty.filter(|&t| t != 's') {
        return Err(unknown_presentation_type(t, type_name));
    }
    match f.sign {
        Some(' ') => return Err(value_err("Space not allowed in string format specifier")),
        Some(_) => return Err(value_err("Sign not allowed in string format specifier")),
        None => {}
    }
    if f.no_neg_0 {
        return Err(value_err(
            "Negative zero coercion (z) not allowed in string format specifier",
        ));
    }
    if f.alternate {
        return Err(value_err(
            "Alternate form (#) not allowed in string format specifier",
        ));
    }
    if f.align == Some('=') {
        return Err(value_err(
            "'=' alignment not allowed in string format specifier",
        ));
    }
    let (fill, align) = resolve_fill_align(&f, '<');
    Ok(pad_text(s, f.precision, f.width, fill, align))
}

/// Truncates `s` to `precision` characters and pads it to `width` with `fill`
/// according to `align` (`<`, `>`, `^`; `=` acts as `<`): CPython's `calc_padding`.
pub fn pad_text(
    s: &str,
    precision: Option<usize>,
    width: Option<usize>,
    fill: char,
    align: char,
) -> String {
    let mut len = s.chars().count();
    let text = match precision {
        Some(p) if p < len => {
            len = p;
            let cut = s.char_indices().nth(p).map_or(s.len(), |(i, _)| i);
            &s[..cut]
        }
        _ => s,
    };
    let total = width.map_or(len, |w| w.max(len));
    let lpad = match align {
        '>' => total - len,
        '^' => (total - len) / 2,
        _ => 0,
    };
    let rpad = total - len - lpad;
    let mut out = String::with_capacity(text.len() + total - len);
    out.extend(std::iter::repeat_n(fill, lpad));
    out.push_str(text);
    out.extend(std::iter::repeat_n(fill, rpad));
    out
}

// ---------------------------------------------------------------------------
// %-formatting
// ---------------------------------------------------------------------------

/// The flags of a `%` conversion: `-`, `+`, `' '`, `0`, `#`.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct PercentFlags {
    /// `-`: left-justify.
    pub minus: bool,
    /// `+`: always print a sign.
    pub plus: bool,
    /// `' '`: a space before non-negative numbers.
    pub space: bool,
    /// `0`: zero padding (numbers only).
    pub zero: bool,
    /// `#`: alternate form.
    pub alternate: bool,
}

/// A width or precision: a number in the template, or `*` (taken from the arguments).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Count {
    Fixed(usize),
    Star,
}

/// One `%` conversion of a template.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PercentSpec {
    /// `%(key)s`: the mapping key.
    pub key: Option<String>,
    pub flags: PercentFlags,
    pub width: Option<Count>,
    pub precision: Option<Count>,
    /// The conversion character, one of `s r a c d i u o x X e E f F g G`.
    pub conv: char,
}

/// A parsed `%` template: literal text (with `%%` already turned into `%`) and conversions.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PercentPiece {
    Literal(String),
    Spec(PercentSpec),
}

/// Parses a `%` template once (`PyUnicode_Format`'s scanner); the caller walks the
/// pieces, fetching one argument per `*` (width first, then precision) and one per
/// conversion, and raising `TypeError("not enough arguments for format string")`,
/// `"not all arguments converted during string formatting"` and
/// `"format requires a mapping"` itself.
///
/// Errors: `"incomplete format"`, `"incomplete format key"`,
/// `"unsupported format character 'y' (0x79) at index 3"` (index in characters),
/// `"width too big"`, `"precision too big"`. CPython reports these when it reaches
/// the bad conversion, after converting the arguments before it, so an argument
/// error in an earlier conversion (or a missing argument) would be reported first there.
pub fn parse_percent(template: &str) -> Result<Vec<PercentPiece>, FmtError> {
    let chars: Vec<char> = template.chars().collect();
    let n = chars.len();
    let mut pieces = Vec::new();
    let mut lit = String::new();
    let mut i = 0;
    while i < n {
        let c = chars[i];
        i += 1;
        if c != '%' {
            lit.push(c);
            continue;
        }
        if i < n && chars[i] == '%' {
            lit.push('%');
            i += 1;
            continue;
        }
        let mut key = None;
        if i < n && chars[i] == '(' {
            i += 1;
            let start = i;
            let mut depth = 1;
            while depth > 0 && i < n {
                match chars[i] {
                    ')' => depth -= 1,
                    '(' => depth += 1,
                    _ => {}
                }
                i += 1;
            }
            if depth > 0 {
                return Err(value_err("incomplete format key"));
            }
            key = Some(chars[start..i - 1].iter().collect::<String>());
        }
        let mut next = || {
            let c = chars.get(i).copied();
            if c.is_some() {
                i += 1;
            }
            c
        };
        let mut flags = PercentFlags::default();
        let mut ch = next();
        loop {
            match ch {
                Some('-') => flags.minus = true,
                Some('+') => flags.plus = true,
                Some(' ') => flags.space = true,
                Some('#') => flags.alternate = true,
                Some('0') => flags.zero = true,
                _ => break,
            }
            ch = next();
        }
        let mut width = None;
        if ch == Some('*') {
            width = Some(Count::Star);
            ch = next();
        } else if let Some(d) = ch.and_then(|c| c.to_digit(10)) {
            let mut w = d as usize;
            loop {
                ch = next();
                match ch.and_then(|c| c.to_digit(10)) {
                    Some(d) => {
                        w = w
                            .checked_mul(10)
                            .and_then(|w| w.checked_add(d as usize))
                            .filter(|&w| w <= isize::MAX as usize)
                            .ok_or_else(|| value_err("width too big"))?;
                    }
                    None => break,
                }
            }
            width = Some(Count::Fixed(w));
        }
        let mut precision = None;
        if ch == Some('.') {
            precision = Some(Count::Fixed(0));
            ch = next();
            if ch == Some('*') {
                precision = Some(Count::Star);
                ch = next();
            } else if let Some(d) = ch.and_then(|c| c.to_digit(10)) {
                let mut p = d as usize;
                loop {
                    ch = next();
                    match ch.and_then(|c| c.to_digit(10)) {
                        Some(d) => {
                            p = p * 10 + d as usize;
                            if p > i32::MAX as usize {
                                return Err(value_err("precision too big"));
                            }
                        }
                        None => break,
                    }
                }
                precision = Some(Count::Fixed(p));
            }
        }
        if matches!(ch, Some('h' | 'l' | 'L')) {
            ch = next();
        }
        let Some(conv) = ch else {
            return Err(value_err("incomplete format"));
        };
        if !"sracdiuoxXeEfFgG".contains(conv) {
            let shown = if (31..=126).contains(&(conv as u32)) {
                conv
            } else {
                '?'
            };
            return Err(value_err(format!(
                "unsupported format character '{}' (0x{:x}) at index {}",
                shown,
                conv as u32,
                i - 1
            )));
        }
        if !lit.is_empty() {
            pieces.push(PercentPiece::Literal(std::mem::take(&mut lit)));
        }
        pieces.push(PercentPiece::Spec(PercentSpec {
            key,
            flags,
            width,
            precision,
            conv,
        }));
    }
    if !lit.is_empty() {
        pieces.push(PercentPiece::Literal(lit));
    }
    Ok(pieces)
}

/// Resolves a conversion's width and precision: `Fixed` values from the template,
/// `Star` values from the integers the caller fetched (`star_width`,
/// `star_precision`, in that order in the argument list). A negative `*` width
/// means left-justify (the returned spec has `flags.minus` set); a negative `*`
/// precision means 0. Returns the spec to pass on, the width and the precision.
pub fn resolve_percent_counts(
    spec: &PercentSpec,
    star_width: Option<i64>,
    star_precision: Option<i64>,
) -> (PercentSpec, Option<usize>, Option<usize>) {
    let mut s = spec.clone();
    let width = match spec.width {
        Some(Count::Fixed(w)) => Some(w),
        Some(Count::Star) => star_width.map(|w| {
            if w < 0 {
                s.flags.minus = true;
            }
            w.unsigned_abs() as usize
        }),
        None => None,
    };
    let precision = match spec.precision {
        Some(Count::Fixed(p)) => Some(p),
        Some(Count::Star) => star_precision.map(|p| p.max(0) as usize),
        None => None,
    };
    (s, width, precision)
}

/// `unicode_format_arg_output`: sign, `0x` prefix, padding and truncation.
fn percent_output(
    text: &str,
    spec: &PercentSpec,
    numeric: bool,
    width: Option<usize>,
    precision: Option<usize>,
) -> String {
    let flags = spec.flags;
    let conv = spec.conv;
    let fill = if numeric && flags.zero { '0' } else { ' ' };
    let chars: Vec<char> = text.chars().collect();
    let mut len = chars.len() as i64;
    let mut width = width.map_or(-1, |w| w as i64);
    let prec = precision.map_or(-1, |p| p as i64);
    if (width == -1 || width <= len) && (prec == -1 || prec >= len) && !(flags.plus || flags.space)
    {
        return text.to_string();
    }
    if matches!(conv, 's' | 'r' | 'a') && prec >= 0 && len > prec {
        len = prec;
    }
    let mut pindex = 0usize;
    let mut sign = numeric;
    let mut signchar = ' ';
    if sign {
        match chars.first() {
            Some(&c @ ('-' | '+')) => {
                signchar = c;
                len -= 1;
                pindex = 1;
            }
            _ if flags.plus => signchar = '+',
            _ if flags.space => signchar = ' ',
            _ => sign = false,
        }
    }
    if width < len {
        width = len;
    }
    let mut out = String::with_capacity(width.max(0) as usize + 2);
    if sign {
        if fill != ' ' {
            out.push(signchar);
        }
        if width > len {
            width -= 1;
        }
    }
    let alt_prefix =
        flags.alternate && matches!(conv, 'x' | 'X' | 'o') && chars.len() >= pindex + 2;
    if alt_prefix {
        if fill != ' ' {
            out.push(chars[pindex]);
            out.push(chars[pindex + 1]);
            pindex += 2;
        }
        width = (width - 2).max(0);
        len -= 2;
    }
    if width > len && !flags.minus {
        for _ in 0..width - len {
            out.push(fill);
        }
        width = len;
    }
    if fill == ' ' {
        if sign {
            out.push(signchar);
        }
        if alt_prefix {
            out.push(chars[pindex]);
            out.push(chars[pindex + 1]);
            pindex += 2;
        }
    }
    out.extend(chars[pindex..pindex + len.max(0) as usize].iter());
    if width > len {
        for _ in 0..width - len {
            out.push(' ');
        }
    }
    out
}

/// `%d %i %u %o %x %X` of an int, with flags, width and precision (minimum digits).
/// Does not enforce the 4300-digit limit of `%d`; see [`percent_int_checked`].
pub fn percent_int(
    v: &BigInt,
    spec: &PercentSpec,
    width: Option<usize>,
    precision: Option<usize>,
) -> String {
    let conv = spec.conv;
    let (base, prefix) = match conv {
        'o' => (8, "0o"),
        'x' => (16, "0x"),
        'X' => (16, "0X"),
        _ => (10, ""),
    };
    let mut digits = v.magnitude().to_str_radix(base);
    if conv == 'X' {
        digits.make_ascii_uppercase();
    }
    let mut s = String::with_capacity(digits.len() + 4);
    if v.is_negative() {
        s.push('-');
    }
    if spec.flags.alternate {
        s.push_str(prefix);
    }
    if let Some(p) = precision {
        for _ in digits.len()..p {
            s.push('0');
        }
    }
    s.push_str(&digits);
    percent_output(&s, spec, true, width, precision)
}

/// [`percent_int`] that raises CPython's `ValueError` for decimal output of more
/// than [`INT_MAX_STR_DIGITS`] digits.
pub fn percent_int_checked(
    v: &BigInt,
    spec: &PercentSpec,
    width: Option<usize>,
    precision: Option<usize>,
) -> Result<String, FmtError> {
    if !matches!(spec.conv, 'o' | 'x' | 'X') {
        int_to_decimal(v)?;
    }
    Ok(percent_int(v, spec, width, precision))
}

/// `%e %E %f %F %g %G` of a float (default precision 6).
pub fn percent_float(
    v: f64,
    spec: &PercentSpec,
    width: Option<usize>,
    precision: Option<usize>,
) -> String {
    let s = format_float_type(v, spec.conv, precision.unwrap_or(6), spec.flags.alternate);
    percent_output(&s, spec, true, width, precision)
}

/// `%s %r %a %c` of already-converted text (`str()`, `repr()`, `ascii()` or the
/// character): precision truncates for `s r a`, width pads, `-` left-justifies.
pub fn percent_str(
    s: &str,
    spec: &PercentSpec,
    width: Option<usize>,
    precision: Option<usize>,
) -> String {
    percent_output(s, spec, false, width, precision)
}

// ---------------------------------------------------------------------------
// int() and float() of strings
// ---------------------------------------------------------------------------

/// `Py_ISSPACE`: the ASCII whitespace the number parsers skip.
fn is_ascii_py_space(b: u8) -> bool {
    matches!(b, b' ' | b'\t' | b'\n' | b'\x0b' | b'\x0c' | b'\r')
}

/// `str.isspace()` for one character.
pub fn is_py_space(c: char) -> bool {
    matches!(
        c,
        '\t'..='\r'
            | '\x1c'..='\x20'
            | '\u{85}'
            | '\u{a0}'
            | '\u{1680}'
            | '\u{2000}'..='\u{200a}'
            | '\u{2028}'
            | '\u{2029}'
            | '\u{202f}'
            | '\u{205f}'
            | '\u{3000}'
    )
}

/// The value of a Unicode decimal digit (`str.isdecimal()` characters), as
/// `unicodedata.decimal(c)` (Unicode 14.0, as CPython 3.11).
pub fn decimal_value(c: char) -> Option<u32> {
    let u = c as u32;
    if u < 0x80 {
        return c.to_digit(10);
    }
    let i = DECIMAL_ZEROS.partition_point(|&z| z <= u);
    let z = *DECIMAL_ZEROS.get(i.checked_sub(1)?)?;
    (u - z < 10).then_some(u - z)
}

/// `_PyUnicode_TransformDecimalAndSpaceToASCII`: Unicode digits become ASCII
/// digits, Unicode whitespace a space, anything else non-ASCII ends the text with `?`.
fn transform_to_ascii(s: &str) -> Vec<u8> {
    let mut out = Vec::with_capacity(s.len());
    for c in s.chars() {
        if (c as u32) < 127 {
            out.push(c as u8);
        } else if is_py_space(c) {
            out.push(b' ');
        } else if let Some(d) = decimal_value(c) {
            out.push(b'0' + d as u8);
        } else {
            out.push(b'?');
            break;
        }
    }
    out
}

/// `int(s, base)`, with CPython's errors: the invalid-literal message
/// ([`int_parse_error`]), `"int() base must be >= 2 and <= 36, or 0"` and the
/// 4300-digit limit for bases that are not powers of two.
/// `int(s)` for the common case — ASCII spaces, an optional sign, 1 to 15
/// decimal digits, ASCII spaces — without the general parser's buffers;
/// `None` for anything else (underscores, other bases, Unicode digits,
/// errors), which `parse_int_checked` handles.
pub fn parse_small_decimal(s: &str) -> Option<i64> {
    let b = s.as_bytes();
    let mut i = 0;
    while i < b.len() && is_ascii_py_space(b[i]) {
        i += 1;
    }
    let negative = match b.get(i) {
        Some(b'-') => {
            i += 1;
            true
        }
        Some(b'+') => {
            i += 1;
            false
        }
        _ => false,
    };
    let start = i;
    let mut n: i64 = 0;
    while i < b.len() && b[i].is_ascii_digit() && i - start < 18 {
        n = n * 10 + i64::from(b[i] - b'0');
        i += 1;
    }
    // At most 18 digits, which cannot overflow an i64 (a 19th digit is
    // not a space, so it falls back to the general parser).
    if i == start {
        return None;
    }
    while i < b.len() && is_ascii_py_space(b[i]) {
        i += 1;
    }
    (i == b.len()).then_some(if negative { -n } else { n })
}

pub fn parse_int_checked(s: &str, base: u32) -> Result<BigInt, FmtError> {
    if base != 0 && !(2..=36).contains(&base) {
        return Err(value_err("int() base must be >= 2 and <= 36, or 0"));
    }
    let invalid = || value_err(int_parse_error(s, base));
    let buf = transform_to_ascii(s);
    let at = |i: usize| buf.get(i).copied().unwrap_or(0);
    let mut i = 0;
    while i < buf.len() && is_ascii_py_space(buf[i]) {
        i += 1;
    }
    let mut negative = false;
    if at(i) == b'+' {
        i += 1;
    } else if at(i) == b'-' {
        negative = true;
        i += 1;
    }
    let mut base = base;
    let mut error_if_nonzero = false;
    if base == 0 {
        base = if at(i) != b'0' {
            10
        } else {
            match at(i + 1) {
                b'x' | b'X' => 16,
                b'o' | b'O' => 8,
                b'b' | b'B' => 2,
                _ => {
                    error_if_nonzero = true;
                    10
                }
            }
        };
    }
    if at(i) == b'0' {
        let p = at(i + 1).to_ascii_lowercase();
        if (base == 16 && p == b'x') || (base == 8 && p == b'o') || (base == 2 && p == b'b') {
            i += 2;
            if at(i) == b'_' {
                i += 1;
            }
        }
    }
    if at(i) == b'_' {
        return Err(invalid());
    }
    let digit = |b: u8| (b as char).to_digit(36).filter(|&d| d < base);
    let mut clean = Vec::new();
    let mut prev = 0u8;
    while i < buf.len() && (buf[i] == b'_' || digit(buf[i]).is_some()) {
        if buf[i] == b'_' {
            if prev == b'_' {
                return Err(invalid());
            }
        } else {
            clean.push(buf[i]);
        }
        prev = buf[i];
        i += 1;
    }
    if prev == b'_' {
        return Err(invalid());
    }
    if !base.is_power_of_two() && clean.len() > INT_MAX_STR_DIGITS {
        return Err(value_err(format!(
            "Exceeds the limit ({INT_MAX_STR_DIGITS} digits) for integer string conversion: \
             value has {} digits; use sys.set_int_max_str_digits() to increase the limit",
            clean.len()
        )));
    }
    if clean.is_empty() {
        return Err(invalid());
    }
    let mut v = BigInt::parse_bytes(&clean, base).ok_or_else(invalid)?;
    if error_if_nonzero && !v.is_zero() {
        return Err(invalid());
    }
    while i < buf.len() && is_ascii_py_space(buf[i]) {
        i += 1;
    }
    if i != buf.len() {
        return Err(invalid());
    }
    if negative {
        v = -v;
    }
    Ok(v)
}

/// `int(s, base)` (`base` 0 or 2..=36) as CPython accepts it: surrounding
/// whitespace, a sign, `_` between digits, a base prefix when `base` is 0 or
/// matches, Unicode decimal digits. `None` when CPython raises.
pub fn parse_int(s: &str, base: u32) -> Option<BigInt> {
    parse_int_checked(s, base).ok()
}

/// `float(s)` as CPython accepts it: surrounding whitespace, a sign, digits with
/// an optional point and exponent, `_` between digits, `inf`/`infinity`/`nan` in
/// any case, Unicode decimal digits. `None` when CPython raises [`float_parse_error`].
/// A NaN with a payload no other `float('nan')` has had: floats are
/// unboxed, so identity is the bit pattern, and CPython's `x is x` (true)
/// and `float('nan') is float('nan')` (false) both hold only if each
/// parsed NaN differs in its payload.
fn fresh_nan() -> f64 {
    use std::sync::atomic::{AtomicU64, Ordering};
    static NEXT: AtomicU64 = AtomicU64::new(1);
    let n = NEXT.fetch_add(1, Ordering::Relaxed) & 0x0007_FFFF_FFFF_FFFF;
    f64::from_bits(0x7FF8_0000_0000_0000 | n)
}

pub fn parse_float(s: &str) -> Option<f64> {
    let mut buf = transform_to_ascii(s);
    if buf.contains(&b'_') {
        let mut clean = Vec::with_capacity(buf.len());
        let mut prev = 0u8;
        for &b in &buf {
            if b == b'_' {
                if !prev.is_ascii_digit() {
                    return None;
                }
            } else {
                if prev == b'_' && !b.is_ascii_digit() {
                    return None;
                }
                clean.push(b);
            }
            prev = b;
        }
        if prev == b'_' {
            return None;
        }
        buf = clean;
    }
    let mut a = 0;
    let mut b = buf.len();
    while a < b && is_ascii_py_space(buf[a]) {
        a += 1;
    }
    if a == b {
        return None;
    }
    while b > a + 1 && is_ascii_py_space(buf[b - 1]) {
        b -= 1;
    }
    parse_float_body(&buf[a..b])
}

/// `_PyOS_ascii_strtod` over the whole of `t`.
fn parse_float_body(t: &[u8]) -> Option<f64> {
    let mut i = 0;
    let negative = t.first() == Some(&b'-');
    if matches!(t.first(), Some(b'+' | b'-')) {
        i = 1;
    }
    let digits_from = |i: &mut usize| {
        let start = *i;
        while *i < t.len() && t[*i].is_ascii_digit() {
            *i += 1;
        }
        &t[start..*i]
    };
    let int_part = digits_from(&mut i);
    let mut frac = &t[0..0];
    if t.get(i) == Some(&b'.') {
        i += 1;
        frac = digits_from(&mut i);
    }
    if int_part.is_empty() && frac.is_empty() {
        let rest = t[usize::from(matches!(t.first(), Some(b'+' | b'-')))..].to_ascii_lowercase();
        let v = match rest.as_slice() {
            b"inf" | b"infinity" => f64::INFINITY,
            b"nan" => fresh_nan(),
            _ => return None,
        };
        return Some(if negative { -v } else { v });
    }
    let mut exp: i64 = 0;
    if matches!(t.get(i), Some(b'e' | b'E')) {
        let save = i;
        i += 1;
        let exp_negative = t.get(i) == Some(&b'-');
        if matches!(t.get(i), Some(b'+' | b'-')) {
            i += 1;
        }
        let e = digits_from(&mut i);
        if e.is_empty() {
            i = save;
        } else {
            for &d in e {
                exp = (exp * 10 + i64::from(d - b'0')).min(1_100_000_000);
            }
            if exp_negative {
                exp = -exp;
            }
        }
    }
    if i != t.len() {
        return None;
    }
    let as_str = |d: &[u8]| {
        if d.is_empty() {
            "0".to_string()
        } else {
            String::from_utf8_lossy(d).into_owned()
        }
    };
    let text = format!(
        "{}{}.{}e{}",
        if negative { "-" } else { "" },
        as_str(int_part),
        as_str(frac),
        exp
    );
    text.parse::<f64>().ok()
}

fn truncate_chars(s: &str, n: usize) -> &str {
    s.char_indices().nth(n).map_or(s, |(i, _)| &s[..i])
}

/// CPython's message for a failed `int(s, base)`:
/// `invalid literal for int() with base 10: 'five'` (the repr cut to 200 characters).
pub fn int_parse_error(s: &str, base: u32) -> String {
    let r = str_repr(s);
    format!(
        "invalid literal for int() with base {}: {}",
        base,
        truncate_chars(&r, 200)
    )
}

/// CPython's message for a failed `float(s)`: `could not convert string to float: 'abc'`.
pub fn float_parse_error(s: &str) -> String {
    format!("could not convert string to float: {}", str_repr(s))
}

// ---------------------------------------------------------------------------
// repr(str)
// ---------------------------------------------------------------------------

/// `str.isprintable()` for one character (Unicode 14.0, as CPython 3.11).
pub fn is_printable(c: char) -> bool {
    let u = c as u32;
    if (0x20..0x7f).contains(&u) {
        return true;
    }
    let i = NONPRINTABLE.partition_point(|&(lo, _)| lo <= u);
    !(i > 0 && u <= NONPRINTABLE[i - 1].1)
}

/// `repr(str)`: single quotes unless the text has a `'` and no `"`; escapes
/// `\\`, the quote, `\t \n \r`, other control characters as `\xhh`, and
/// non-printable non-ASCII characters as `\xhh`, `\uhhhh` or `\Uhhhhhhhh`.
pub fn str_repr(s: &str) -> String {
    let quote = if s.contains('\'') && !s.contains('"') {
        '"'
    } else {
        '\''
    };
    let mut out = String::with_capacity(s.len() + 2);
    out.push(quote);
    for c in s.chars() {
        let u = c as u32;
        match c {
            '\\' => out.push_str("\\\\"),
            _ if c == quote => {
                out.push('\\');
                out.push(c);
            }
            '\t' => out.push_str("\\t"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            _ if u < 0x20 || u == 0x7f => out.push_str(&format!("\\x{u:02x}")),
            _ if u < 0x7f || is_printable(c) => out.push(c),
            _ if u <= 0xff => out.push_str(&format!("\\x{u:02x}")),
            _ if u <= 0xffff => out.push_str(&format!("\\u{u:04x}")),
            _ => out.push_str(&format!("\\U{u:08x}")),
        }
    }
    out.push(quote);
    out
}

// ---------------------------------------------------------------------------
// round()
// ---------------------------------------------------------------------------

/// `round(x, ndigits)` for a float, or `OverflowError("rounded value too large
/// to represent")`: rounds the exact binary value half to even at `ndigits`
/// decimal places (negative: to tens, hundreds, ...), as CPython's `double_round`.
/// `round(x)` is `round_float_checked(x, 0)` followed by the int conversion.
pub fn round_float_checked(x: f64, ndigits: i64) -> Result<f64, FmtError> {
    if !x.is_finite() || x == 0.0 || ndigits > 323 {
        return Ok(x);
    }
    if ndigits < -308 {
        return Ok(0.0 * x);
    }
    if ndigits >= 0 {
        let s = format!("{:.*}", ndigits as usize, x);
        return Ok(s.parse::<f64>().unwrap_or(x));
    }
    // Exact: x = m * 2**e; q = round_half_even(x / 10**k); result q * 10**k.
    let k = (-ndigits) as u32;
    let bits = x.abs().to_bits();
    let exp_bits = ((bits >> 52) & 0x7ff) as i64;
    let frac = bits & ((1u64 << 52) - 1);
    let (m, e) = if exp_bits == 0 {
        (frac, -1074)
    } else {
        (frac | (1u64 << 52), exp_bits - 1075)
    };
    let pow10 = BigInt::from(10u32).pow(k);
    let (num, den) = if e >= 0 {
        (BigInt::from(m) << (e as usize), pow10)
    } else {
        (BigInt::from(m), pow10 << ((-e) as usize))
    };
    let (mut q, r) = num.div_rem(&den);
    let twice: BigInt = r << 1usize;
    if twice > den || (twice == den && q.is_odd()) {
        q += BigInt::one();
    }
    let text = format!("{}{}e{}", if x < 0.0 { "-" } else { "" }, q, k);
    let v: f64 = text.parse().unwrap_or(f64::INFINITY);
    if v.is_infinite() {
        return Err(FmtError::Overflow(
            "rounded value too large to represent".into(),
        ));
    }
    Ok(v)
}

/// `round(x, ndigits)` for floats; on overflow (where CPython raises, see
/// [`round_float_checked`]) returns an infinity of `x`'s sign.
pub fn round_float(x: f64, ndigits: i64) -> f64 {
    round_float_checked(x, ndigits).unwrap_or(if x < 0.0 {
        f64::NEG_INFINITY
    } else {
        f64::INFINITY
    })
}

// ---------------------------------------------------------------------------
// Unicode tables (generated from CPython 3.11's unicodedata, Unicode 14.0.0)
// ---------------------------------------------------------------------------

/// Code points whose `unicodedata.decimal()` is 0; each starts a run of ten digits.
#[rustfmt::skip]
const DECIMAL_ZEROS: [u32; 66] = [
    0x30, 0x660, 0x6f0, 0x7c0, 0x966, 0x9e6, 0xa66, 0xae6, 0xb66, 0xbe6, 0xc66, 0xce6, 0xd66,
    0xde6, 0xe50, 0xed0, 0xf20, 0x1040, 0x1090, 0x17e0, 0x1810, 0x1946, 0x19d0, 0x1a80, 0x1a90,
    0x1b50, 0x1bb0, 0x1c40, 0x1c50, 0xa620, 0xa8d0, 0xa900, 0xa9d0, 0xa9f0, 0xaa50, 0xabf0,
    0xff10, 0x104a0, 0x10d30, 0x11066, 0x110f0, 0x11136, 0x111d0, 0x112f0, 0x11450, 0x114d0,
    0x11650, 0x116c0, 0x11730, 0x118e0, 0x11950, 0x11c50, 0x11d50, 0x11da0, 0x16a60, 0x16ac0,
    0x16b50, 0x1d7ce, 0x1d7d8, 0x1d7e2, 0x1d7ec, 0x1d7f6, 0x1e140, 0x1e2f0, 0x1e950, 0x1fbf0,
];

/// Inclusive ranges of code points for which `str.isprintable()` is false.
#[rustfmt::skip]
const NONPRINTABLE: [(u32, u32); 701] = [
    (0x0, 0x1f), (0x7f, 0xa0), (0xad, 0xad), (0x378, 0x379), (0x380, 0x383), (0x38b, 0x38b),
    (0x38d, 0x38d), (0x3a2, 0x3a2), (0x530, 0x530), (0x557, 0x558), (0x58b, 0x58c),
    (0x590, 0x590), (0x5c8, 0x5cf), (0x5eb, 0x5ee), (0x5f5, 0x605), (0x61c, 0x61c),
    (0x6dd, 0x6dd), (0x70e, 0x70f), (0x74b, 0x74c), (0x7b2, 0x7bf), (0x7fb, 0x7fc),
    (0x82e, 0x82f), (0x83f, 0x83f), (0x85c, 0x85d), (0x85f, 0x85f), (0x86b, 0x86f),
    (0x88f, 0x897), (0x8e2, 0x8e2), (0x984, 0x984), (0x98d, 0x98e), (0x991, 0x992),
    (0x9a9, 0x9a9), (0x9b1, 0x9b1), (0x9b3, 0x9b5), (0x9ba, 0x9bb), (0x9c5, 0x9c6),
    (0x9c9, 0x9ca), (0x9cf, 0x9d6), (0x9d8, 0x9db), (0x9de, 0x9de), (0x9e4, 0x9e5),
    (0x9ff, 0xa00), (0xa04, 0xa04), (0xa0b, 0xa0e), (0xa11, 0xa12), (0xa29, 0xa29),
    (0xa31, 0xa31), (0xa34, 0xa34), (0xa37, 0xa37), (0xa3a, 0xa3b), (0xa3d, 0xa3d),
    (0xa43, 0xa46), (0xa49, 0xa4a), (0xa4e, 0xa50), (0xa52, 0xa58), (0xa5d, 0xa5d),
    (0xa5f, 0xa65), (0xa77, 0xa80), (0xa84, 0xa84), (0xa8e, 0xa8e), (0xa92, 0xa92),
    (0xaa9, 0xaa9), (0xab1, 0xab1), (0xab4, 0xab4), (0xaba, 0xabb), (0xac6, 0xac6),
    (0xaca, 0xaca), (0xace, 0xacf), (0xad1, 0xadf), (0xae4, 0xae5), (0xaf2, 0xaf8),
    (0xb00, 0xb00), (0xb04, 0xb04), (0xb0d, 0xb0e), (0xb11, 0xb12), (0xb29, 0xb29),
    (0xb31, 0xb31), (0xb34, 0xb34), (0xb3a, 0xb3b), (0xb45, 0xb46), (0xb49, 0xb4a),
    (0xb4e, 0xb54), (0xb58, 0xb5b), (0xb5e, 0xb5e), (0xb64, 0xb65), (0xb78, 0xb81),
    (0xb84, 0xb84), (0xb8b, 0xb8d), (0xb91, 0xb91), (0xb96, 0xb98), (0xb9b, 0xb9b),
    (0xb9d, 0xb9d), (0xba0, 0xba2), (0xba5, 0xba7), (0xbab, 0xbad), (0xbba, 0xbbd),
    (0xbc3, 0xbc5), (0xbc9, 0xbc9), (0xbce, 0xbcf), (0xbd1, 0xbd6), (0xbd8, 0xbe5),
    (0xbfb, 0xbff), (0xc0d, 0xc0d), (0xc11, 0xc11), (0xc29, 0xc29), (0xc3a, 0xc3b),
    (0xc45, 0xc45), (0xc49, 0xc49), (0xc4e, 0xc54), (0xc57, 0xc57), (0xc5b, 0xc5c),
    (0xc5e, 0xc5f), (0xc64, 0xc65), (0xc70, 0xc76), (0xc8d, 0xc8d), (0xc91, 0xc91),
    (0xca9, 0xca9), (0xcb4, 0xcb4), (0xcba, 0xcbb), (0xcc5, 0xcc5), (0xcc9, 0xcc9),
    (0xcce, 0xcd4), (0xcd7, 0xcdc), (0xcdf, 0xcdf), (0xce4, 0xce5), (0xcf0, 0xcf0),
    (0xcf3, 0xcff), (0xd0d, 0xd0d), (0xd11, 0xd11), (0xd45, 0xd45), (0xd49, 0xd49),
    (0xd50, 0xd53), (0xd64, 0xd65), (0xd80, 0xd80), (0xd84, 0xd84), (0xd97, 0xd99),
    (0xdb2, 0xdb2), (0xdbc, 0xdbc), (0xdbe, 0xdbf), (0xdc7, 0xdc9), (0xdcb, 0xdce),
    (0xdd5, 0xdd5), (0xdd7, 0xdd7), (0xde0, 0xde5), (0xdf0, 0xdf1), (0xdf5, 0xe00),
    (0xe3b, 0xe3e), (0xe5c, 0xe80), (0xe83, 0xe83), (0xe85, 0xe85), (0xe8b, 0xe8b),
    (0xea4, 0xea4), (0xea6, 0xea6), (0xebe, 0xebf), (0xec5, 0xec5), (0xec7, 0xec7),
    (0xece, 0xecf), (0xeda, 0xedb), (0xee0, 0xeff), (0xf48, 0xf48), (0xf6d, 0xf70),
    (0xf98, 0xf98), (0xfbd, 0xfbd), (0xfcd, 0xfcd), (0xfdb, 0xfff), (0x10c6, 0x10c6),
    (0x10c8, 0x10cc), (0x10ce, 0x10cf), (0x1249, 0x1249), (0x124e, 0x124f), (0x1257, 0x1257),
    (0x1259, 0x1259), (0x125e, 0x125f), (0x1289, 0x1289), (0x128e, 0x128f), (0x12b1, 0x12b1),
    (0x12b6, 0x12b7), (0x12bf, 0x12bf), (0x12c1, 0x12c1), (0x12c6, 0x12c7), (0x12d7, 0x12d7),
    (0x1311, 0x1311), (0x1316, 0x1317), (0x135b, 0x135c), (0x137d, 0x137f), (0x139a, 0x139f),
    (0x13f6, 0x13f7), (0x13fe, 0x13ff), (0x1680, 0x1680), (0x169d, 0x169f), (0x16f9, 0x16ff),
    (0x1716, 0x171e), (0x1737, 0x173f), (0x1754, 0x175f), (0x176d, 0x176d), (0x1771, 0x1771),
    (0x1774, 0x177f), (0x17de, 0x17df), (0x17ea, 0x17ef), (0x17fa, 0x17ff), (0x180e, 0x180e),
    (0x181a, 0x181f), (0x1879, 0x187f), (0x18ab, 0x18af), (0x18f6, 0x18ff), (0x191f, 0x191f),
    (0x192c, 0x192f), (0x193c, 0x193f), (0x1941, 0x1943), (0x196e, 0x196f), (0x1975, 0x197f),
    (0x19ac, 0x19af), (0x19ca, 0x19cf), (0x19db, 0x19dd), (0x1a1c, 0x1a1d), (0x1a5f, 0x1a5f),
    (0x1a7d, 0x1a7e), (0x1a8a, 0x1a8f), (0x1a9a, 0x1a9f), (0x1aae, 0x1aaf), (0x1acf, 0x1aff),
    (0x1b4d, 0x1b4f), (0x1b7f, 0x1b7f), (0x1bf4, 0x1bfb), (0x1c38, 0x1c3a), (0x1c4a, 0x1c4c),
    (0x1c89, 0x1c8f), (0x1cbb, 0x1cbc), (0x1cc8, 0x1ccf), (0x1cfb, 0x1cff), (0x1f16, 0x1f17),
    (0x1f1e, 0x1f1f), (0x1f46, 0x1f47), (0x1f4e, 0x1f4f), (0x1f58, 0x1f58), (0x1f5a, 0x1f5a),
    (0x1f5c, 0x1f5c), (0x1f5e, 0x1f5e), (0x1f7e, 0x1f7f), (0x1fb5, 0x1fb5), (0x1fc5, 0x1fc5),
    (0x1fd4, 0x1fd5), (0x1fdc, 0x1fdc), (0x1ff0, 0x1ff1), (0x1ff5, 0x1ff5), (0x1fff, 0x200f),
    (0x2028, 0x202f), (0x205f, 0x206f), (0x2072, 0x2073), (0x208f, 0x208f), (0x209d, 0x209f),
    (0x20c1, 0x20cf), (0x20f1, 0x20ff), (0x218c, 0x218f), (0x2427, 0x243f), (0x244b, 0x245f),
    (0x2b74, 0x2b75), (0x2b96, 0x2b96), (0x2cf4, 0x2cf8), (0x2d26, 0x2d26), (0x2d28, 0x2d2c),
    (0x2d2e, 0x2d2f), (0x2d68, 0x2d6e), (0x2d71, 0x2d7e), (0x2d97, 0x2d9f), (0x2da7, 0x2da7),
    (0x2daf, 0x2daf), (0x2db7, 0x2db7), (0x2dbf, 0x2dbf), (0x2dc7, 0x2dc7), (0x2dcf, 0x2dcf),
    (0x2dd7, 0x2dd7), (0x2ddf, 0x2ddf), (0x2e5e, 0x2e7f), (0x2e9a, 0x2e9a), (0x2ef4, 0x2eff),
    (0x2fd6, 0x2fef), (0x2ffc, 0x3000), (0x3040, 0x3040), (0x3097, 0x3098), (0x3100, 0x3104),
    (0x3130, 0x3130), (0x318f, 0x318f), (0x31e4, 0x31ef), (0x321f, 0x321f), (0xa48d, 0xa48f),
    (0xa4c7, 0xa4cf), (0xa62c, 0xa63f), (0xa6f8, 0xa6ff), (0xa7cb, 0xa7cf), (0xa7d2, 0xa7d2),
    (0xa7d4, 0xa7d4), (0xa7da, 0xa7f1), (0xa82d, 0xa82f), (0xa83a, 0xa83f), (0xa878, 0xa87f),
    (0xa8c6, 0xa8cd), (0xa8da, 0xa8df), (0xa954, 0xa95e), (0xa97d, 0xa97f), (0xa9ce, 0xa9ce),
    (0xa9da, 0xa9dd), (0xa9ff, 0xa9ff), (0xaa37, 0xaa3f), (0xaa4e, 0xaa4f), (0xaa5a, 0xaa5b),
    (0xaac3, 0xaada), (0xaaf7, 0xab00), (0xab07, 0xab08), (0xab0f, 0xab10), (0xab17, 0xab1f),
    (0xab27, 0xab27), (0xab2f, 0xab2f), (0xab6c, 0xab6f), (0xabee, 0xabef), (0xabfa, 0xabff),
    (0xd7a4, 0xd7af), (0xd7c7, 0xd7ca), (0xd7fc, 0xf8ff), (0xfa6e, 0xfa6f), (0xfada, 0xfaff),
    (0xfb07, 0xfb12), (0xfb18, 0xfb1c), (0xfb37, 0xfb37), (0xfb3d, 0xfb3d), (0xfb3f, 0xfb3f),
    (0xfb42, 0xfb42), (0xfb45, 0xfb45), (0xfbc3, 0xfbd2), (0xfd90, 0xfd91), (0xfdc8, 0xfdce),
    (0xfdd0, 0xfdef), (0xfe1a, 0xfe1f), (0xfe53, 0xfe53), (0xfe67, 0xfe67), (0xfe6c, 0xfe6f),
    (0xfe75, 0xfe75), (0xfefd, 0xff00), (0xffbf, 0xffc1), (0xffc8, 0xffc9), (0xffd0, 0xffd1),
    (0xffd8, 0xffd9), (0xffdd, 0xffdf), (0xffe7, 0xffe7), (0xffef, 0xfffb), (0xfffe, 0xffff),
    (0x1000c, 0x1000c), (0x10027, 0x10027), (0x1003b, 0x1003b), (0x1003e, 0x1003e),
    (0x1004e, 0x1004f), (0x1005e, 0x1007f), (0x100fb, 0x100ff), (0x10103, 0x10106),
    (0x10134, 0x10136), (0x1018f, 0x1018f), (0x1019d, 0x1019f), (0x101a1, 0x101cf),
    (0x101fe, 0x1027f), (0x1029d, 0x1029f), (0x102d1, 0x102df), (0x102fc, 0x102ff),
    (0x10324, 0x1032c), (0x1034b, 0x1034f), (0x1037b, 0x1037f), (0x1039e, 0x1039e),
    (0x103c4, 0x103c7), (0x103d6, 0x103ff), (0x1049e, 0x1049f), (0x104aa, 0x104af),
    (0x104d4, 0x104d7), (0x104fc, 0x104ff), (0x10528, 0x1052f), (0x10564, 0x1056e),
    (0x1057b, 0x1057b), (0x1058b, 0x1058b), (0x10593, 0x10593), (0x10596, 0x10596),
    (0x105a2, 0x105a2), (0x105b2, 0x105b2), (0x105ba, 0x105ba), (0x105bd, 0x105ff),
    (0x10737, 0x1073f), (0x10756, 0x1075f), (0x10768, 0x1077f), (0x10786, 0x10786),
    (0x107b1, 0x107b1), (0x107bb, 0x107ff), (0x10806, 0x10807), (0x10809, 0x10809),
    (0x10836, 0x10836), (0x10839, 0x1083b), (0x1083d, 0x1083e), (0x10856, 0x10856),
    (0x1089f, 0x108a6), (0x108b0, 0x108df), (0x108f3, 0x108f3), (0x108f6, 0x108fa),
    (0x1091c, 0x1091e), (0x1093a, 0x1093e), (0x10940, 0x1097f), (0x109b8, 0x109bb),
    (0x109d0, 0x109d1), (0x10a04, 0x10a04), (0x10a07, 0x10a0b), (0x10a14, 0x10a14),
    (0x10a18, 0x10a18), (0x10a36, 0x10a37), (0x10a3b, 0x10a3e), (0x10a49, 0x10a4f),
    (0x10a59, 0x10a5f), (0x10aa0, 0x10abf), (0x10ae7, 0x10aea), (0x10af7, 0x10aff),
    (0x10b36, 0x10b38), (0x10b56, 0x10b57), (0x10b73, 0x10b77), (0x10b92, 0x10b98),
    (0x10b9d, 0x10ba8), (0x10bb0, 0x10bff), (0x10c49, 0x10c7f), (0x10cb3, 0x10cbf),
    (0x10cf3, 0x10cf9), (0x10d28, 0x10d2f), (0x10d3a, 0x10e5f), (0x10e7f, 0x10e7f),
    (0x10eaa, 0x10eaa), (0x10eae, 0x10eaf), (0x10eb2, 0x10eff), (0x10f28, 0x10f2f),
    (0x10f5a, 0x10f6f), (0x10f8a, 0x10faf), (0x10fcc, 0x10fdf), (0x10ff7, 0x10fff),
    (0x1104e, 0x11051), (0x11076, 0x1107e), (0x110bd, 0x110bd), (0x110c3, 0x110cf),
    (0x110e9, 0x110ef), (0x110fa, 0x110ff), (0x11135, 0x11135), (0x11148, 0x1114f),
    (0x11177, 0x1117f), (0x111e0, 0x111e0), (0x111f5, 0x111ff), (0x11212, 0x11212),
    (0x1123f, 0x1127f), (0x11287, 0x11287), (0x11289, 0x11289), (0x1128e, 0x1128e),
    (0x1129e, 0x1129e), (0x112aa, 0x112af), (0x112eb, 0x112ef), (0x112fa, 0x112ff),
    (0x11304, 0x11304), (0x1130d, 0x1130e), (0x11311, 0x11312), (0x11329, 0x11329),
    (0x11331, 0x11331), (0x11334, 0x11334), (0x1133a, 0x1133a), (0x11345, 0x11346),
    (0x11349, 0x1134a), (0x1134e, 0x1134f), (0x11351, 0x11356), (0x11358, 0x1135c),
    (0x11364, 0x11365), (0x1136d, 0x1136f), (0x11375, 0x113ff), (0x1145c, 0x1145c),
    (0x11462, 0x1147f), (0x114c8, 0x114cf), (0x114da, 0x1157f), (0x115b6, 0x115b7),
    (0x115de, 0x115ff), (0x11645, 0x1164f), (0x1165a, 0x1165f), (0x1166d, 0x1167f),
    (0x116ba, 0x116bf), (0x116ca, 0x116ff), (0x1171b, 0x1171c), (0x1172c, 0x1172f),
    (0x11747, 0x117ff), (0x1183c, 0x1189f), (0x118f3, 0x118fe), (0x11907, 0x11908),
    (0x1190a, 0x1190b), (0x11914, 0x11914), (0x11917, 0x11917), (0x11936, 0x11936),
    (0x11939, 0x1193a), (0x11947, 0x1194f), (0x1195a, 0x1199f), (0x119a8, 0x119a9),
    (0x119d8, 0x119d9), (0x119e5, 0x119ff), (0x11a48, 0x11a4f), (0x11aa3, 0x11aaf),
    (0x11af9, 0x11bff), (0x11c09, 0x11c09), (0x11c37, 0x11c37), (0x11c46, 0x11c4f),
    (0x11c6d, 0x11c6f), (0x11c90, 0x11c91), (0x11ca8, 0x11ca8), (0x11cb7, 0x11cff),
    (0x11d07, 0x11d07), (0x11d0a, 0x11d0a), (0x11d37, 0x11d39), (0x11d3b, 0x11d3b),
    (0x11d3e, 0x11d3e), (0x11d48, 0x11d4f), (0x11d5a, 0x11d5f), (0x11d66, 0x11d66),
    (0x11d69, 0x11d69), (0x11d8f, 0x11d8f), (0x11d92, 0x11d92), (0x11d99, 0x11d9f),
    (0x11daa, 0x11edf), (0x11ef9, 0x11faf), (0x11fb1, 0x11fbf), (0x11ff2, 0x11ffe),
    (0x1239a, 0x123ff), (0x1246f, 0x1246f), (0x12475, 0x1247f), (0x12544, 0x12f8f),
    (0x12ff3, 0x12fff), (0x1342f, 0x143ff), (0x14647, 0x167ff), (0x16a39, 0x16a3f),
    (0x16a5f, 0x16a5f), (0x16a6a, 0x16a6d), (0x16abf, 0x16abf), (0x16aca, 0x16acf),
    (0x16aee, 0x16aef), (0x16af6, 0x16aff), (0x16b46, 0x16b4f), (0x16b5a, 0x16b5a),
    (0x16b62, 0x16b62), (0x16b78, 0x16b7c), (0x16b90, 0x16e3f), (0x16e9b, 0x16eff),
    (0x16f4b, 0x16f4e), (0x16f88, 0x16f8e), (0x16fa0, 0x16fdf), (0x16fe5, 0x16fef),
    (0x16ff2, 0x16fff), (0x187f8, 0x187ff), (0x18cd6, 0x18cff), (0x18d09, 0x1afef),
    (0x1aff4, 0x1aff4), (0x1affc, 0x1affc), (0x1afff, 0x1afff), (0x1b123, 0x1b14f),
    (0x1b153, 0x1b163), (0x1b168, 0x1b16f), (0x1b2fc, 0x1bbff), (0x1bc6b, 0x1bc6f),
    (0x1bc7d, 0x1bc7f), (0x1bc89, 0x1bc8f), (0x1bc9a, 0x1bc9b), (0x1bca0, 0x1ceff),
    (0x1cf2e, 0x1cf2f), (0x1cf47, 0x1cf4f), (0x1cfc4, 0x1cfff), (0x1d0f6, 0x1d0ff),
    (0x1d127, 0x1d128), (0x1d173, 0x1d17a), (0x1d1eb, 0x1d1ff), (0x1d246, 0x1d2df),
    (0x1d2f4, 0x1d2ff), (0x1d357, 0x1d35f), (0x1d379, 0x1d3ff), (0x1d455, 0x1d455),
    (0x1d49d, 0x1d49d), (0x1d4a0, 0x1d4a1), (0x1d4a3, 0x1d4a4), (0x1d4a7, 0x1d4a8),
    (0x1d4ad, 0x1d4ad), (0x1d4ba, 0x1d4ba), (0x1d4bc, 0x1d4bc), (0x1d4c4, 0x1d4c4),
    (0x1d506, 0x1d506), (0x1d50b, 0x1d50c), (0x1d515, 0x1d515), (0x1d51d, 0x1d51d),
    (0x1d53a, 0x1d53a), (0x1d53f, 0x1d53f), (0x1d545, 0x1d545), (0x1d547, 0x1d549),
    (0x1d551, 0x1d551), (0x1d6a6, 0x1d6a7), (0x1d7cc, 0x1d7cd), (0x1da8c, 0x1da9a),
    (0x1daa0, 0x1daa0), (0x1dab0, 0x1deff), (0x1df1f, 0x1dfff), (0x1e007, 0x1e007),
    (0x1e019, 0x1e01a), (0x1e022, 0x1e022), (0x1e025, 0x1e025), (0x1e02b, 0x1e0ff),
    (0x1e12d, 0x1e12f), (0x1e13e, 0x1e13f), (0x1e14a, 0x1e14d), (0x1e150, 0x1e28f),
    (0x1e2af, 0x1e2bf), (0x1e2fa, 0x1e2fe), (0x1e300, 0x1e7df), (0x1e7e7, 0x1e7e7),
    (0x1e7ec, 0x1e7ec), (0x1e7ef, 0x1e7ef), (0x1e7ff, 0x1e7ff), (0x1e8c5, 0x1e8c6),
    (0x1e8d7, 0x1e8ff), (0x1e94c, 0x1e94f), (0x1e95a, 0x1e95d), (0x1e960, 0x1ec70),
    (0x1ecb5, 0x1ed00), (0x1ed3e, 0x1edff), (0x1ee04, 0x1ee04), (0x1ee20, 0x1ee20),
    (0x1ee23, 0x1ee23), (0x1ee25, 0x1ee26), (0x1ee28, 0x1ee28), (0x1ee33, 0x1ee33),
    (0x1ee38, 0x1ee38), (0x1ee3a, 0x1ee3a), (0x1ee3c, 0x1ee41), (0x1ee43, 0x1ee46),
    (0x1ee48, 0x1ee48), (0x1ee4a, 0x1ee4a), (0x1ee4c, 0x1ee4c), (0x1ee50, 0x1ee50),
    (0x1ee53, 0x1ee53), (0x1ee55, 0x1ee56), (0x1ee58, 0x1ee58), (0x1ee5a, 0x1ee5a),
    (0x1ee5c, 0x1ee5c), (0x1ee5e, 0x1ee5e), (0x1ee60, 0x1ee60), (0x1ee63, 0x1ee63),
    (0x1ee65, 0x1ee66), (0x1ee6b, 0x1ee6b), (0x1ee73, 0x1ee73), (0x1ee78, 0x1ee78),
    (0x1ee7d, 0x1ee7d), (0x1ee7f, 0x1ee7f), (0x1ee8a, 0x1ee8a), (0x1ee9c, 0x1eea0),
    (0x1eea4, 0x1eea4), (0x1eeaa, 0x1eeaa), (0x1eebc, 0x1eeef), (0x1eef2, 0x1efff),
    (0x1f02c, 0x1f02f), (0x1f094, 0x1f09f), (0x1f0af, 0x1f0b0), (0x1f0c0, 0x1f0c0),
    (0x1f0d0, 0x1f0d0), (0x1f0f6, 0x1f0ff), (0x1f1ae, 0x1f1e5), (0x1f203, 0x1f20f),
    (0x1f23c, 0x1f23f), (0x1f249, 0x1f24f), (0x1f252, 0x1f25f), (0x1f266, 0x1f2ff),
    (0x1f6d8, 0x1f6dc), (0x1f6ed, 0x1f6ef), (0x1f6fd, 0x1f6ff), (0x1f774, 0x1f77f),
    (0x1f7d9, 0x1f7df), (0x1f7ec, 0x1f7ef), (0x1f7f1, 0x1f7ff), (0x1f80c, 0x1f80f),
    (0x1f848, 0x1f84f), (0x1f85a, 0x1f85f), (0x1f888, 0x1f88f), (0x1f8ae, 0x1f8af),
    (0x1f8b2, 0x1f8ff), (0x1fa54, 0x1fa5f), (0x1fa6e, 0x1fa6f), (0x1fa75, 0x1fa77),
    (0x1fa7d, 0x1fa7f), (0x1fa87, 0x1fa8f), (0x1faad, 0x1faaf), (0x1fabb, 0x1fabf),
    (0x1fac6, 0x1facf), (0x1fada, 0x1fadf), (0x1fae8, 0x1faef), (0x1faf7, 0x1faff),
    (0x1fb93, 0x1fb93), (0x1fbcb, 0x1fbef), (0x1fbfa, 0x1ffff), (0x2a6e0, 0x2a6ff),
    (0x2b739, 0x2b73f), (0x2b81e, 0x2b81f), (0x2cea2, 0x2ceaf), (0x2ebe1, 0x2f7ff),
    (0x2fa1e, 0x2ffff), (0x3134b, 0xe00ff), (0xe01f0, 0x10ffff),
];

#[cfg(test)]
mod tests {
    //! Expected values come from CPython 3.11 (`python3 gen/gen_tests.py` in the
    //! scratch crate generated the tables below); none is derived from this module.
    use super::*;
    use num_traits::FromPrimitive;

    fn show(r: Result<String, FmtError>) -> String {
        match r {
            Ok(s) => format!("={s}"),
            Err(e) => format!("!{e}"),
        }
    }

    fn big(s: &str) -> BigInt {
        s.parse().unwrap()
    }

    #[test]
    fn format_builtin_cases() {
        let mut failures = Vec::new();
        for &(kind, value, spec, expected) in FORMAT_CASES {
            let got = match kind {
                "int" => show(format_int(&big(value), spec)),
                "float" => show(format_float(value.parse().unwrap(), spec)),
                _ => show(format_str(value, spec)),
            };
            if got != expected {
                failures.push(format!(
                    "format({kind} {value:?}, {spec:?}): got {got:?}, want {expected:?}"
                ));
            }
        }
        assert!(
            failures.is_empty(),
            "{} failures:\n{}",
            failures.len(),
            failures.join("\n")
        );
    }

    #[test]
    fn float_repr_cases() {
        for &(bits, expected) in FLOAT_REPRS {
            assert_eq!(float_repr(f64::from_bits(bits)), expected, "bits {bits:#x}");
        }
    }

    #[test]
    fn float_type_cases() {
        for &(bits, ty, prec, alt, expected) in FLOAT_TYPE_CASES {
            let x = f64::from_bits(bits);
            assert_eq!(
                format_float_type(x, ty, prec, alt),
                expected,
                "{x:?} {ty} {prec} {alt}"
            );
        }
    }

    enum Arg {
        I(BigInt),
        F(f64),
        S(String),
    }

    fn parse_arg(a: &str) -> Arg {
        match &a[..2] {
            "i:" => Arg::I(big(&a[2..])),
            "f:" => Arg::F(a[2..].parse().unwrap()),
            _ => Arg::S(a[2..].to_string()),
        }
    }

    /// A minimal `template % args` driver over the module's pieces.
    fn run_percent(template: &str, args: &[&str]) -> String {
        let pieces = match parse_percent(template) {
            Ok(p) => p,
            Err(e) => return format!("!{e}"),
        };
        let mut positional = Vec::new();
        let mut dict = Vec::new();
        for a in args {
            if a.as_bytes().get(1) == Some(&b':') {
                positional.push(parse_arg(a));
            } else {
                let (k, v) = a.split_once('=').unwrap();
                dict.push((k.to_string(), parse_arg(v)));
            }
        }
        let mut idx = 0;
        let mut out = String::new();
        for piece in &pieces {
            let spec = match piece {
                PercentPiece::Literal(s) => {
                    out.push_str(s);
                    continue;
                }
                PercentPiece::Spec(spec) => spec,
            };
            let star = |idx: &mut usize| -> Option<i64> {
                let a = positional.get(*idx)?;
                *idx += 1;
                match a {
                    Arg::I(i) => i.to_i64(),
                    _ => None,
                }
            };
            let sw = if spec.width == Some(Count::Star) {
                star(&mut idx)
            } else {
                None
            };
            let sp = if spec.precision == Some(Count::Star) {
                star(&mut idx)
            } else {
                None
            };
            let arg = match &spec.key {
                Some(k) => &dict.iter().find(|(key, _)| key == k).unwrap().1,
                None => match positional.get(idx) {
                    Some(a) => {
                        idx += 1;
                        a
                    }
                    None => return "!TypeError: not enough arguments for format string".into(),
                },
            };
            let (spec, w, p) = resolve_percent_counts(spec, sw, sp);
            let text = match (spec.conv, arg) {
                ('d' | 'i' | 'u' | 'o' | 'x' | 'X', Arg::I(i)) => percent_int(i, &spec, w, p),
                ('d' | 'i' | 'u', Arg::F(f)) => {
                    percent_int(&BigInt::from_f64(f.trunc()).unwrap(), &spec, w, p)
                }
                ('e' | 'E' | 'f' | 'F' | 'g' | 'G', Arg::F(f)) => percent_float(*f, &spec, w, p),
                ('e' | 'E' | 'f' | 'F' | 'g' | 'G', Arg::I(i)) => {
                    percent_float(i.to_f64().unwrap(), &spec, w, p)
                }
                ('s' | 'r', Arg::I(i)) => percent_str(&i.to_string(), &spec, w, p),
                ('s' | 'r', Arg::F(f)) => percent_str(&float_repr(*f), &spec, w, p),
                ('s', Arg::S(s)) => percent_str(s, &spec, w, p),
                ('r', Arg::S(s)) => percent_str(&str_repr(s), &spec, w, p),
                ('c', Arg::I(i)) => {
                    let c = char::from_u32(i.to_u32().unwrap()).unwrap();
                    percent_str(&c.to_string(), &spec, w, p)
                }
                ('c', Arg::S(s)) => percent_str(s, &spec, w, p),
                _ => panic!("driver cannot convert for {template:?}"),
            };
            out.push_str(&text);
        }
        if idx < positional.len() {
            return "!TypeError: not all arguments converted during string formatting".into();
        }
        format!("={out}")
    }

    #[test]
    fn percent_cases() {
        let mut failures = Vec::new();
        for &(template, args, expected) in PERCENT_CASES {
            let got = run_percent(template, args);
            if got != expected {
                failures.push(format!(
                    "{template:?} % {args:?}: got {got:?}, want {expected:?}"
                ));
            }
        }
        assert!(
            failures.is_empty(),
            "{} failures:\n{}",
            failures.len(),
            failures.join("\n")
        );
    }

    #[test]
    fn int_parse_cases() {
        for &(s, base, expected) in INT_CASES {
            let got = match parse_int_checked(s, base) {
                Ok(v) => format!("={v}"),
                Err(e) => format!("!{}", e.message()),
            };
            assert_eq!(got, expected, "int({s:?}, {base})");
            assert_eq!(parse_int(s, base).is_some(), expected.starts_with('='));
        }
        for &(s, base, expected) in INT_ERRORS {
            assert_eq!(int_parse_error(s, base), expected);
        }
    }

    #[test]
    fn float_parse_cases() {
        for &(s, expected) in FLOAT_CASES {
            let got = match parse_float(s) {
                Some(v) => format!("={}", float_repr(v)),
                None => format!("!{}", float_parse_error(s)),
            };
            assert_eq!(got, expected, "float({s:?})");
        }
        assert!(parse_float("-nan").unwrap().is_sign_negative());
        assert_eq!(parse_float("-0").unwrap().to_bits(), (-0.0f64).to_bits());
    }

    #[test]
    fn str_repr_cases() {
        for &(s, expected) in STR_REPRS {
            assert_eq!(str_repr(s), expected, "repr({s:?})");
        }
    }

    #[test]
    fn round_cases() {
        for &(bits, nd, expected) in ROUND_CASES {
            let x = f64::from_bits(bits);
            let got = match round_float_checked(x, nd) {
                Ok(v) => format!("={}", float_repr(v)),
                Err(e) => format!("!{}", e.message()),
            };
            assert_eq!(got, expected, "round({x:?}, {nd})");
            if let Ok(v) = round_float_checked(x, nd) {
                assert_eq!(round_float(x, nd).to_bits(), v.to_bits());
            }
        }
        assert_eq!(round_float(1.7976931348623157e308, -308), f64::INFINITY);
        assert_eq!(
            round_float(-1.7976931348623157e308, -308),
            f64::NEG_INFINITY
        );
        // Sign of zero survives, as in CPython: round(-0.4) == -0.0.
        assert!(round_float(-0.4, 0).is_sign_negative());
    }

    #[test]
    fn int_digit_limits() {
        // Messages from CPython 3.11 with the default limit of 4300 digits.
        let to_str = "!ValueError: Exceeds the limit (4300 digits) for integer string \
                      conversion; use sys.set_int_max_str_digits() to increase the limit";
        let huge = BigInt::from(10u32).pow(5000);
        assert_eq!(show(format_int(&huge, "d")), to_str);
        assert_eq!(show(format_int(&huge, "")), to_str);
        assert_eq!(show(int_to_decimal(&huge)), to_str);
        let spec = match &parse_percent("%d").unwrap()[0] {
            PercentPiece::Spec(s) => s.clone(),
            PercentPiece::Literal(_) => unreachable!(),
        };
        assert_eq!(show(percent_int_checked(&huge, &spec, None, None)), to_str);
        assert_eq!(format_int(&huge, "x").unwrap().len(), 4153);
        let limit = BigInt::from(10u32).pow(4300) - 1;
        assert_eq!(int_to_decimal(&limit).unwrap().len(), 4300);
        let from_str = "Exceeds the limit (4300 digits) for integer string conversion: \
                        value has 5000 digits; use sys.set_int_max_str_digits() to increase \
                        the limit";
        let ones = "1".repeat(5000);
        assert_eq!(
            parse_int_checked(&ones, 10).unwrap_err().message(),
            from_str
        );
        let tail = format!("{ones}x");
        assert_eq!(
            parse_int_checked(&tail, 10).unwrap_err().message(),
            from_str
        );
        assert_eq!(parse_int(&"f".repeat(5000), 16).unwrap().bits(), 20000);
        assert_eq!(
            parse_int(&"1".repeat(4300), 10).unwrap().to_string().len(),
            4300
        );
    }

    #[test]
    fn parse_format_spec_fields() {
        let f = parse_format_spec("*^+#012_.3f").unwrap();
        assert_eq!(
            f,
            FormatSpec {
                fill: '*',
                align: Some('^'),
                sign: Some('+'),
                no_neg_0: false,
                alternate: true,
                zero_pad: false,
                width: Some(12),
                grouping: Some('_'),
                precision: Some(3),
                ty: Some('f'),
            }
        );
        let f = parse_format_spec("z010,").unwrap();
        assert!(f.no_neg_0 && f.zero_pad && f.align.is_none());
        assert_eq!((f.width, f.grouping, f.ty), (Some(10), Some(','), None));
        assert_eq!(
            parse_format_spec("abc").unwrap_err(),
            FmtError::Value("Invalid format specifier 'abc' for object of type 'object'".into())
        );
        // Unicode digits are accepted in widths, as by CPython's get_integer.
        assert_eq!(parse_format_spec("\u{663}").unwrap().width, Some(3));
        assert_eq!(
            show(format_int(&BigInt::from(1), "99999999999999999999")),
            "!ValueError: Too many decimal digits in format string"
        );
        assert_eq!(
            parse_format_spec_for(",", Some('s'), "str")
                .unwrap_err()
                .message(),
            "Cannot specify ',' with 's'."
        );
        assert_eq!(
            show(format_int_typed(IntArg::Small(1), "y", "bool")),
            "!ValueError: Unknown format code 'y' for object of type 'bool'"
        );
    }

    #[test]
    fn percent_parse_structure() {
        let pieces = parse_percent("a%%b%(k)-+ #0*.*hdc%5.2s").unwrap();
        assert_eq!(
            pieces,
            vec![
                PercentPiece::Literal("a%b".into()),
                PercentPiece::Spec(PercentSpec {
                    key: Some("k".into()),
                    flags: PercentFlags {
                        minus: true,
                        plus: true,
                        space: true,
                        zero: true,
                        alternate: true
                    },
                    width: Some(Count::Star),
                    precision: Some(Count::Star),
                    conv: 'd',
                }),
                PercentPiece::Literal("c".into()),
                PercentPiece::Spec(PercentSpec {
                    key: None,
                    flags: PercentFlags::default(),
                    width: Some(Count::Fixed(5)),
                    precision: Some(Count::Fixed(2)),
                    conv: 's',
                }),
            ]
        );
        let spec = match &pieces[1] {
            PercentPiece::Spec(s) => s,
            PercentPiece::Literal(_) => unreachable!(),
        };
        let (s2, w, p) = resolve_percent_counts(spec, Some(-7), Some(-3));
        assert!(s2.flags.minus);
        assert_eq!((w, p), (Some(7), Some(0)));
    }

    #[test]
    fn helpers() {
        assert_eq!(group_digit_string("1234567", ',', 3), "1,234,567");
        assert_eq!(group_digit_string("123", ',', 3), "123");
        assert_eq!(group_digit_string("11111111", '_', 4), "1111_1111");
        // Values below are str.center / rjust / ljust results from CPython.
        assert_eq!(pad_text("abc", None, Some(8), '-', '^'), "--abc---");
        assert_eq!(pad_text("abcdef", Some(2), Some(4), ' ', '>'), "  ab");
        assert_eq!(pad_text("h\u{e9}llo", Some(2), None, ' ', '<'), "h\u{e9}");
        assert_eq!(decimal_value('\u{661}'), Some(1));
        assert_eq!(decimal_value('\u{1d7ce}'), Some(0));
        assert_eq!(decimal_value('x'), None);
        assert_eq!(decimal_value('\u{b2}'), None);
        assert!(is_py_space('\u{1c}') && is_py_space('\u{3000}') && !is_py_space('\u{200b}'));
        assert!(is_printable('\u{e9}') && !is_printable('\u{ad}') && !is_printable('\u{10ffff}'));
        assert_eq!(int_to_float(&BigInt::from(3)).unwrap(), 3.0);
        let e = FmtError::Overflow("m".into());
        assert_eq!((e.exception_name(), e.message()), ("OverflowError", "m"));
        assert_eq!(e.to_string(), "OverflowError: m");
    }

    const FORMAT_CASES: &[(&str, &str, &str, &str)] = &[
        ("float", "3.14159", ".2f", "=3.14"),
        ("float", "3.14159", ".0f", "=3"),
        ("float", "3.14159", "10.3f", "=     3.142"),
        ("float", "3.14159", "<10.1f", "=3.1       "),
        ("float", "3.14159", "^10.2f", "=   3.14   "),
        ("float", "3.14159", "+.1f", "=+3.1"),
        ("float", "3.14159", ".3f", "=3.142"),
        ("float", "3.14159", "08.2f", "=00003.14"),
        ("float", "3.14159", "", "=3.14159"),
        ("int", "1234567", ",", "=1,234,567"),
        ("int", "1234567", "_", "=1_234_567"),
        ("int", "1234567", ">12,", "=   1,234,567"),
        ("int", "1234567", "012d", "=000001234567"),
        ("int", "1234567", "e", "=1.234567e+06"),
        ("int", "1234567", ".3e", "=1.235e+06"),
        ("int", "1234567", ">10", "=   1234567"),
        ("int", "1234567", "", "=1234567"),
        ("int", "-1234567", ",", "=-1,234,567"),
        ("int", "42", "5d", "=   42"),
        ("int", "42", "<5d", "=42   "),
        ("int", "42", "^5d", "= 42  "),
        ("int", "42", ">5", "=   42"),
        ("int", "42", "05", "=00042"),
        ("int", "42", "+d", "=+42"),
        ("int", "42", " d", "= 42"),
        ("int", "42", "03d", "=042"),
        ("int", "42", ">7", "=     42"),
        ("int", "42", ".2f", "=42.00"),
        ("int", "42", "", "=42"),
        ("int", "-42", "05", "=-0042"),
        ("str", "left", "<8", "=left    "),
        ("str", "right", ">8", "=   right"),
        ("str", "mid", "^8", "=  mid   "),
        ("str", "pad", "*^9", "=***pad***"),
        ("str", "x", "->4", "=---x"),
        ("str", "Ada", ">10", "=       Ada"),
        ("str", "abc", ".2", "=ab"),
        ("str", "abcdef", ">8.3", "=     abc"),
        ("str", "s", ">3", "=  s"),
        ("str", "r", ">6", "=     r"),
        ("str", "l", "<6", "=l     "),
        ("str", "c", "^6", "=  c   "),
        ("str", " centered ", "*^20", "=***** centered *****"),
        ("str", "apple", "<10", "=apple     "),
        ("str", "banana", "<10", "=banana    "),
        ("str", "cherry", "<10", "=cherry    "),
        ("int", "255", "x", "=ff"),
        ("int", "255", "X", "=FF"),
        ("int", "255", "#x", "=0xff"),
        ("int", "255", "o", "=377"),
        ("int", "255", "#o", "=0o377"),
        ("int", "255", "b", "=11111111"),
        ("int", "255", "#b", "=0b11111111"),
        ("int", "255", "08b", "=11111111"),
        ("float", "0.5", "%", "=50.000000%"),
        ("float", "0.125", ".1%", "=12.5%"),
        ("float", "0.3333333333333333", ".3", "=0.333"),
        ("float", "1234.5", "g", "=1234.5"),
        ("float", "1.234e-05", "g", "=1.234e-05"),
        ("float", "1e+20", "g", "=1e+20"),
        ("float", "12345678.9", ".3g", "=1.23e+07"),
        ("float", "7.0", ".0f", "=7"),
        ("float", "2.5", ".0f", "=2"),
        ("float", "3.5", ".0f", "=4"),
        ("float", "-0.0", ".1f", "=-0.0"),
        ("float", "12.5", "08.2f", "=00012.50"),
        ("float", "-12.5", "08.2f", "=-0012.50"),
        ("float", "12.5", "+08.2f", "=+0012.50"),
        ("float", "1000000.0", ",.2f", "=1,000,000.00"),
        ("float", "1234.5678", ",.1f", "=1,234.6"),
        ("float", "0.30000000000000004", ".17f", "=0.30000000000000004"),
        ("float", "0.25", ".0%", "=25%"),
        ("float", "1.5e-05", "f", "=0.000015"),
        ("float", "123.456", "e", "=1.234560e+02"),
        ("float", "0.0", "e", "=0.000000e+00"),
        ("float", "0.6666666666666666", ".3f", "=0.667"),
        ("float", "1.5", ">10.2f", "=      1.50"),
        ("float", "0.25", ">10.2f", "=      0.25"),
        ("float", "10.0", ">10.2f", "=     10.00"),
        ("int", "1", "d", "=1"),
        ("int", "3", ".2f", "=3.00"),
        ("int", "1234", ",", "=1,234"),
        ("int", "42", "08b", "=00101010"),
        ("int", "10000000", ",", "=10,000,000"),
        ("int", "5", "+d", "=+5"),
        ("int", "48879", "x", "=beef"),
        ("int", "100", ">7", "=    100"),
        ("int", "-5", "x", "=-5"),
        ("int", "-255", "#x", "=-0xff"),
        ("int", "10", "b", "=1010"),
        ("int", "10", "o", "=12"),
        ("int", "10", "x", "=a"),
        ("int", "10", "d", "=10"),
        ("int", "3", ">5", "=    3"),
        ("int", "12", ">5", "=   12"),
        ("int", "100", ">5", "=  100"),
        ("int", "18446744073709551616", "", "=18446744073709551616"),
        ("int", "0", "%", "=0.000000%"),
        ("int", "0", "d", "=0"),
        ("int", "0", "x<8", "=0xxxxxxx"),
        ("int", "0", "f", "=0.000000"),
        ("int", "0", "-", "=0"),
        ("int", "0", " 010", "= 000000000"),
        ("int", "0", "0", "=0"),
        ("int", "0", ",.2f", "=0.00"),
        ("int", "0", ",x", "!ValueError: Cannot specify ',' with 'x'."),
        ("int", "0", "_d", "=0"),
        ("int", "0", "-010", "=0000000000"),
        ("int", "0", "#", "=0"),
        ("int", "0", " =8", "=       0"),
        ("int", "0", "+", "=+0"),
        ("int", "0", "1_2", "!ValueError: Cannot specify '_' with '2'."),
        ("int", "0", "10.", "!ValueError: Format specifier missing precision"),
        ("int", "1", " ", "= 1"),
        ("int", "1", "E", "=1.000000E+00"),
        ("int", "1", "n", "=1"),
        ("int", "1", ",n", "!ValueError: Cannot specify ',' with 'n'."),
        ("int", "1", ".3g", "=1"),
        ("int", "1", "0<5", "=10000"),
        ("int", "1", "<5c", "=\u{1}    "),
        ("int", "1", ",b", "!ValueError: Cannot specify ',' with 'b'."),
        ("int", "1", "#_x", "=0x1"),
        ("int", "1", " d", "= 1"),
        ("int", "1", "#X", "=0X1"),
        ("int", "1", "-", "=1"),
        ("int", "1", "012,.2f", "=0,000,001.00"),
        ("int", "1", "013_", "=0_000_000_001"),
        ("int", "1", "o", "=1"),
        ("int", "1", ".2", "!ValueError: Precision not allowed in integer format specifier"),
        ("int", "-1", "012,.2f", "=-0,000,001.00"),
        ("int", "-1", "o", "=-1"),
        ("int", "-1", "05c", "!OverflowError: %c arg not in range(0x110000)"),
        ("int", "-1", "%", "=-100.000000%"),
        ("int", "-1", "", "=-1"),
        ("int", "-1", ">>5", "=>>>-1"),
        ("int", "-1", ",x", "!ValueError: Cannot specify ',' with 'x'."),
        ("int", "-1", "0<5", "=-1000"),
        ("int", "-1", "+", "=-1"),
        ("int", "-1", "#010b", "=-0b0000001"),
        ("int", "-1", ",", "=-1"),
        ("int", "-1", "xX", "!ValueError: Invalid format specifier 'xX' for object of type 'int'"),
        ("int", "-1", "_", "=-1"),
        ("int", "-1", "00", "=-1"),
        ("int", "-1", " ", "=-1"),
        ("int", "-1", ".3f", "=-1.000"),
        ("int", "7", "^10", "=    7     "),
        ("int", "7", ",n", "!ValueError: Cannot specify ',' with 'n'."),
        ("int", "7", "\u{e9}", "!ValueError: Unknown format code '\\xe9' for object of type 'int'"),
        ("int", "7", "#012_x", "=0x0_0000_0007"),
        ("int", "7", "X", "=7"),
        ("int", "7", "_d", "=7"),
        ("int", "7", "5c", "=    \u{7}"),
        ("int", "7", "10", "=         7"),
        ("int", "7", "#", "=7"),
        ("int", "7", "^^^", "!ValueError: Unknown format code '^' for object of type 'int'"),
        ("int", "7", " ", "= 7"),
        ("int", "7", "+010", "=+000000007"),
        ("int", "7", "0^7", "=0007000"),
        ("int", "7", ",.2f", "=7.00"),
        ("int", "7", ",c", "!ValueError: Cannot specify ',' with 'c'."),
        ("int", "7", "_b", "=111"),
        ("int", "-42", "X", "=-2A"),
        ("int", "-42", ",b", "!ValueError: Cannot specify ',' with 'b'."),
        ("int", "-42", "x<8", "=-42xxxxx"),
        ("int", "-42", "d", "=-42"),
        ("int", "-42", "_o", "=-52"),
        ("int", "-42", "^10", "=   -42    "),
        ("int", "-42", "e", "=-4.200000e+01"),
        ("int", "-42", "_,", "!ValueError: Cannot specify both ',' and '_'."),
        ("int", "-42", "012,.2f", "=-0,000,042.00"),
        ("int", "-42", ",x", "!ValueError: Cannot specify ',' with 'x'."),
        ("int", "-42", "F", "=-42.000000"),
        ("int", "-42", "013_", "=-0_000_000_042"),
        ("int", "-42", "#b", "=-0b101010"),
        ("int", "-42", "#o", "=-0o52"),
        ("int", "-42", ">+15,.3f", "=        -42.000"),
        ("int", "-42", "c", "!OverflowError: %c arg not in range(0x110000)"),
        ("int", "255", "F", "=255.000000"),
        ("int", "255", "+", "=+255"),
        ("int", "255", "d", "=255"),
        ("int", "255", "f", "=255.000000"),
        ("int", "255", "10", "=       255"),
        ("int", "255", "\u{e9}^9", "=\u{e9}\u{e9}\u{e9}255\u{e9}\u{e9}\u{e9}"),
        ("int", "255", "05c", "=0000\u{ff}"),
        ("int", "255", "_d", "=255"),
        ("int", "255", "+c", "!ValueError: Sign not allowed with integer format specifier 'c'"),
        ("int", "255", "=+8", "=+    255"),
        ("int", "255", "#o", "=0o377"),
        ("int", "255", " =8", "=     255"),
        ("int", "255", "#c", "!ValueError: Alternate form (#) not allowed with integer format specifier 'c'"),
        ("int", "255", "013_", "=0_000_000_255"),
        ("int", "255", "1_2", "!ValueError: Cannot specify '_' with '2'."),
        ("int", "255", "%", "=25500.000000%"),
        ("int", "1234567", "10.", "!ValueError: Format specifier missing precision"),
        ("int", "1234567", "+d", "=+1234567"),
        ("int", "1234567", ".2e", "=1.23e+06"),
        ("int", "1234567", ">>5", "=1234567"),
        ("int", "1234567", "_d", "=1_234_567"),
        ("int", "1234567", "#", "=1234567"),
        ("int", "1234567", "_o", "=455_3207"),
        ("int", "1234567", "c", "!OverflowError: %c arg not in range(0x110000)"),
        ("int", "1234567", "5c", "!OverflowError: %c arg not in range(0x110000)"),
        ("int", "1234567", ",b", "!ValueError: Cannot specify ',' with 'b'."),
        ("int", "1234567", "#012_x", "=0x0_0012_d687"),
        ("int", "1234567", "^10", "= 1234567  "),
        ("int", "1234567", " d", "= 1234567"),
        ("int", "1234567", ",x", "!ValueError: Cannot specify ',' with 'x'."),
        ("int", "1234567", "#010b", "=0b100101101011010000111"),
        ("int", "1234567", ",_", "!ValueError: Cannot specify both ',' and '_'."),
        ("int", "-1234567", "n", "=-1234567"),
        ("int", "-1234567", ",c", "!ValueError: Cannot specify ',' with 'c'."),
        ("int", "-1234567", "", "=-1234567"),
        ("int", "-1234567", "#_x", "=-0x12_d687"),
        ("int", "-1234567", ">>5", "=-1234567"),
        ("int", "-1234567", "5c", "!OverflowError: %c arg not in range(0x110000)"),
        ("int", "-1234567", " ", "=-1234567"),
        ("int", "-1234567", ",\u{e9}", "!ValueError: Cannot specify ',' with '\\xe9'."),
        ("int", "-1234567", ",", "=-1,234,567"),
        ("int", "-1234567", "-010", "=-001234567"),
        ("int", "-1234567", "<5c", "!OverflowError: %c arg not in range(0x110000)"),
        ("int", "-1234567", "G", "=-1.23457E+06"),
        ("int", "-1234567", "#x", "=-0x12d687"),
        ("int", "-1234567", ".2", "!ValueError: Precision not allowed in integer format specifier"),
        ("int", "-1234567", "%", "=-123456700.000000%"),
        ("int", "-1234567", "010", "=-001234567"),
        ("int", "100000000000000000000", " ", "= 100000000000000000000"),
        ("int", "100000000000000000000", "o", "=12657072742654304000000"),
        ("int", "100000000000000000000", "f", "=100000000000000000000.000000"),
        ("int", "100000000000000000000", "#012_x", "=0x5_6bc7_5e2d_6310_0000"),
        ("int", "100000000000000000000", "+", "=+100000000000000000000"),
        ("int", "100000000000000000000", "g", "=1e+20"),
        ("int", "100000000000000000000", "00", "=100000000000000000000"),
        ("int", "100000000000000000000", ",c", "!ValueError: Cannot specify ',' with 'c'."),
        ("int", "100000000000000000000", "010", "=100000000000000000000"),
        ("int", "100000000000000000000", ".3g", "=1e+20"),
        ("int", "100000000000000000000", "05c", "!OverflowError: Python int too large to convert to C long"),
        ("int", "100000000000000000000", "%", "=10000000000000000000000.000000%"),
        ("int", "100000000000000000000", "013_", "=100_000_000_000_000_000_000"),
        ("int", "100000000000000000000", "_d", "=100_000_000_000_000_000_000"),
        ("int", "100000000000000000000", "#x", "=0x56bc75e2d63100000"),
        ("int", "100000000000000000000", "#-x", "!ValueError: Invalid format specifier '#-x' for object of type 'int'"),
        ("int", "-1180591620717411303424", ".2", "!ValueError: Precision not allowed in integer format specifier"),
        ("int", "-1180591620717411303424", "-", "=-1180591620717411303424"),
        ("int", "-1180591620717411303424", " =8", "=-1180591620717411303424"),
        ("int", "-1180591620717411303424", "=+8", "=-1180591620717411303424"),
        ("int", "-1180591620717411303424", "00", "=-1180591620717411303424"),
        ("int", "-1180591620717411303424", "+d", "=-1180591620717411303424"),
        ("int", "-1180591620717411303424", "_x", "=-40_0000_0000_0000_0000"),
        ("int", "-1180591620717411303424", ",n", "!ValueError: Cannot specify ',' with 'n'."),
        ("int", "-1180591620717411303424", "^10", "=-1180591620717411303424"),
        ("int", "-1180591620717411303424", "#012_x", "=-0x40_0000_0000_0000_0000"),
        ("int", "-1180591620717411303424", "0", "=-1180591620717411303424"),
        ("int", "-1180591620717411303424", "*^12", "=-1180591620717411303424"),
        ("int", "-1180591620717411303424", "_b", "=-100_0000_0000_0000_0000_0000_0000_0000_0000_0000_0000_0000_0000_0000_0000_0000_0000_0000"),
        ("int", "-1180591620717411303424", ",_", "!ValueError: Cannot specify both ',' and '_'."),
        ("int", "-1180591620717411303424", "05c", "!OverflowError: Python int too large to convert to C long"),
        ("int", "-1180591620717411303424", "^^^", "!ValueError: Unknown format code '^' for object of type 'int'"),
        ("int", "65", "#o", "=0o101"),
        ("int", "65", "-010", "=0000000065"),
        ("int", "65", ".1%", "=6500.0%"),
        ("int", "65", "X", "=41"),
        ("int", "65", ".2e", "=6.50e+01"),
        ("int", "65", ",c", "!ValueError: Cannot specify ',' with 'c'."),
        ("int", "65", ",_", "!ValueError: Cannot specify both ',' and '_'."),
        ("int", "65", "00", "=65"),
        ("int", "65", "_", "=65"),
        ("int", "65", " =8", "=      65"),
        ("int", "65", "#x", "=0x41"),
        ("int", "65", "_o", "=101"),
        ("int", "65", "f", "=65.000000"),
        ("int", "65", "#10o", "=     0o101"),
        ("int", "65", "x", "=41"),
        ("int", "65", "#010x", "=0x00000041"),
        ("int", "1114111", ">+15,.3f", "= +1,114,111.000"),
        ("int", "1114111", "f", "=1114111.000000"),
        ("int", "1114111", "G", "=1.11411E+06"),
        ("int", "1114111", "0=12,", "=0,001,114,111"),
        ("int", "1114111", "z", "!ValueError: Negative zero coercion (z) not allowed in integer format specifier"),
        ("int", "1114111", "1_2", "!ValueError: Cannot specify '_' with '2'."),
        ("int", "1114111", "-010", "=0001114111"),
        ("int", "1114111", "5c", "=    \u{10ffff}"),
        ("int", "1114111", "+c", "!ValueError: Sign not allowed with integer format specifier 'c'"),
        ("int", "1114111", "#b", "=0b100001111111111111111"),
        ("int", "1114111", "o", "=4177777"),
        ("int", "1114111", "<10", "=1114111   "),
        ("int", "1114111", "e", "=1.114111e+06"),
        ("int", "1114111", "_x", "=10_ffff"),
        ("int", "1114111", "", "=1114111"),
        ("int", "1114111", "\u{e9}^9", "=\u{e9}1114111\u{e9}"),
        ("int", "1114112", " =8", "= 1114112"),
        ("int", "1114112", "c", "!OverflowError: %c arg not in range(0x110000)"),
        ("int", "1114112", "o", "=4200000"),
        ("int", "1114112", ",d", "=1,114,112"),
        ("int", "1114112", ",\u{e9}", "!ValueError: Cannot specify ',' with '\\xe9'."),
        ("int", "1114112", "-", "=1114112"),
        ("int", "1114112", "g", "=1.11411e+06"),
        ("int", "1114112", "#c", "!ValueError: Alternate form (#) not allowed with integer format specifier 'c'"),
        ("int", "1114112", " ", "= 1114112"),
        ("int", "1114112", " 010", "= 001114112"),
        ("int", "1114112", "e", "=1.114112e+06"),
        ("int", "1114112", " d", "= 1114112"),
        ("int", "1114112", "x<8", "=1114112x"),
        ("int", "1114112", "012,", "=0,001,114,112"),
        ("int", "1114112", "F", "=1114112.000000"),
        ("int", "1114112", "#X", "=0X110000"),
        ("int", "123456789012345678901234567890", "1_2", "!ValueError: Cannot specify '_' with '2'."),
        ("int", "123456789012345678901234567890", "x<8", "=123456789012345678901234567890"),
        ("int", "123456789012345678901234567890", "f", "=123456789012345677877719597056.000000"),
        ("int", "123456789012345678901234567890", "X", "=18EE90FF6C373E0EE4E3F0AD2"),
        ("int", "123456789012345678901234567890", "%", "=12345678901234566802609541218304.000000%"),
        ("int", "123456789012345678901234567890", "-", "=123456789012345678901234567890"),
        ("int", "123456789012345678901234567890", ",x", "!ValueError: Cannot specify ',' with 'x'."),
        ("int", "123456789012345678901234567890", "c", "!OverflowError: Python int too large to convert to C long"),
        ("int", "123456789012345678901234567890", "#_x", "=0x1_8ee9_0ff6_c373_e0ee_4e3f_0ad2"),
        ("int", "123456789012345678901234567890", "0=12,", "=123,456,789,012,345,678,901,234,567,890"),
        ("int", "123456789012345678901234567890", "^10", "=123456789012345678901234567890"),
        ("int", "123456789012345678901234567890", "#012_x", "=0x1_8ee9_0ff6_c373_e0ee_4e3f_0ad2"),
        ("int", "123456789012345678901234567890", ".1%", "=12345678901234566802609541218304.0%"),
        ("int", "123456789012345678901234567890", "+d", "=+123456789012345678901234567890"),
        ("int", "123456789012345678901234567890", "d", "=123456789012345678901234567890"),
        ("int", "123456789012345678901234567890", "_o", "=1_4356_4417_7554_1563_7016_7116_1760_5322"),
        ("int", "0", "", "=0"),
        ("int", "-987654321", "d", "=-987654321"),
        ("int", "0", "b", "=0"),
        ("int", "-5", "o", "=-5"),
        ("int", "123456", "x", "=1e240"),
        ("int", "-5", "X", "=-5"),
        ("int", "0", "#b", "=0b0"),
        ("int", "5", "#o", "=0o5"),
        ("int", "0", "#x", "=0x0"),
        ("int", "123456", "#X", "=0X1E240"),
        ("int", "5", "c", "=\u{5}"),
        ("int", "-987654321", "n", "=-987654321"),
        ("int", "5", ",", "=5"),
        ("int", "-5", "_", "=-5"),
        ("int", "-987654321", ",d", "=-987,654,321"),
        ("int", "-987654321", "_d", "=-987_654_321"),
        ("int", "-5", "_b", "=-101"),
        ("int", "5", "_x", "=5"),
        ("int", "-5", "#_x", "=-0x5"),
        ("int", "0", "_o", "=0"),
        ("int", "0", ",x", "!ValueError: Cannot specify ',' with 'x'."),
        ("int", "0", ",b", "!ValueError: Cannot specify ',' with 'b'."),
        ("int", "-987654321", "+", "=-987654321"),
        ("int", "5", " ", "= 5"),
        ("int", "-987654321", "-", "=-987654321"),
        ("int", "-987654321", "+d", "=-987654321"),
        ("int", "123456", " d", "= 123456"),
        ("int", "-987654321", "10", "=-987654321"),
        ("int", "0", "<10", "=0         "),
        ("int", "-987654321", "^10", "=-987654321"),
        ("int", "5", "=10", "=         5"),
        ("int", "-987654321", "010", "=-987654321"),
        ("int", "-987654321", "+010", "=-987654321"),
        ("int", "-5", "-010", "=-000000005"),
        ("int", "-987654321", " 010", "=-987654321"),
        ("int", "5", "#010x", "=0x00000005"),
        ("int", "123456", "#010b", "=0b11110001001000000"),
        ("int", "123456", "*^12", "=***123456***"),
        ("int", "123456", "x<8", "=123456xx"),
        ("int", "0", "0=12,", "=0,000,000,000"),
        ("int", "-5", "012,", "=-000,000,005"),
        ("int", "0", "013_", "=0_000_000_000"),
        ("int", "123456", "#012_x", "=0x0_0001_e240"),
        ("int", "-5", "012,.2f", "=-0,000,005.00"),
        ("int", "-987654321", "e", "=-9.876543e+08"),
        ("int", "-987654321", "E", "=-9.876543E+08"),
        ("int", "0", ".2e", "=0.00e+00"),
        ("int", "-5", "f", "=-5.000000"),
        ("int", "123456", ".3f", "=123456.000"),
        ("int", "123456", "F", "=123456.000000"),
        ("int", "0", "g", "=0"),
        ("int", "-5", "G", "=-5"),
        ("int", "-5", ".3g", "=-5"),
        ("int", "123456", "%", "=12345600.000000%"),
        ("int", "-5", ".1%", "=-500.0%"),
        ("int", "5", ",.2f", "=5.00"),
        ("int", "123456", ">+15,.3f", "=   +123,456.000"),
        ("int", "-987654321", "z", "!ValueError: Negative zero coercion (z) not allowed in integer format specifier"),
        ("int", "-987654321", ".2", "!ValueError: Precision not allowed in integer format specifier"),
        ("int", "0", "q", "!ValueError: Unknown format code 'q' for object of type 'int'"),
        ("int", "-987654321", "s", "!ValueError: Unknown format code 's' for object of type 'int'"),
        ("int", "0", "+c", "!ValueError: Sign not allowed with integer format specifier 'c'"),
        ("int", "123456", "#c", "!ValueError: Alternate form (#) not allowed with integer format specifier 'c'"),
        ("int", "0", "5c", "=    \u{0}"),
        ("int", "0", "<5c", "=\u{0}    "),
        ("int", "-987654321", "05c", "!OverflowError: %c arg not in range(0x110000)"),
        ("int", "5", ",c", "!ValueError: Cannot specify ',' with 'c'."),
        ("int", "0", ",n", "!ValueError: Cannot specify ',' with 'n'."),
        ("int", "0", ",_", "!ValueError: Cannot specify both ',' and '_'."),
        ("int", "-5", "_,", "!ValueError: Cannot specify both ',' and '_'."),
        ("int", "5", "10.", "!ValueError: Format specifier missing precision"),
        ("int", "-987654321", "#", "=-987654321"),
        ("int", "0", "0", "=0"),
        ("int", "123456", "00", "=123456"),
        ("int", "123456", "0<5", "=123456"),
        ("int", "123456", "0^7", "=1234560"),
        ("int", "0", "\u{e9}", "!ValueError: Unknown format code '\\xe9' for object of type 'int'"),
        ("int", "123456", ",\u{e9}", "!ValueError: Cannot specify ',' with '\\xe9'."),
        ("int", "5", "1_2", "!ValueError: Cannot specify '_' with '2'."),
        ("int", "5", "=+8", "=+      5"),
        ("int", "-5", " =8", "=-      5"),
        ("int", "5", "#10o", "=       0o5"),
        ("int", "123456", "#-x", "!ValueError: Invalid format specifier '#-x' for object of type 'int'"),
        ("int", "-987654321", "xX", "!ValueError: Invalid format specifier 'xX' for object of type 'int'"),
        ("int", "-987654321", ">>5", "=-987654321"),
        ("int", "5", "^^^", "!ValueError: Unknown format code '^' for object of type 'int'"),
        ("int", "123456", "\u{e9}^9", "=\u{e9}123456\u{e9}\u{e9}"),
        ("int", "179769313486231590772930519078902473361797697894230657273430081157732675805500963132708477322407536021120113879871393357658789768814416622492847430639474124377767893424865485276302219601246094119453082952085005768838150682342462881473913110540827237163350510684586298239947245938479716304835356329624224137216", "x", "=10000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000"),
        ("int", "179769313486231590772930519078902473361797697894230657273430081157732675805500963132708477322407536021120113879871393357658789768814416622492847430639474124377767893424865485276302219601246094119453082952085005768838150682342462881473913110540827237163350510684586298239947245938479716304835356329624224137216", "e", "!OverflowError: int too large to convert to float"),
        ("int", "179769313486231590772930519078902473361797697894230657273430081157732675805500963132708477322407536021120113879871393357658789768814416622492847430639474124377767893424865485276302219601246094119453082952085005768838150682342462881473913110540827237163350510684586298239947245938479716304835356329624224137216", "f", "!OverflowError: int too large to convert to float"),
        ("int", "179769313486231590772930519078902473361797697894230657273430081157732675805500963132708477322407536021120113879871393357658789768814416622492847430639474124377767893424865485276302219601246094119453082952085005768838150682342462881473913110540827237163350510684586298239947245938479716304835356329624224137216", "g", "!OverflowError: int too large to convert to float"),
        ("int", "179769313486231590772930519078902473361797697894230657273430081157732675805500963132708477322407536021120113879871393357658789768814416622492847430639474124377767893424865485276302219601246094119453082952085005768838150682342462881473913110540827237163350510684586298239947245938479716304835356329624224137216", "", "=179769313486231590772930519078902473361797697894230657273430081157732675805500963132708477322407536021120113879871393357658789768814416622492847430639474124377767893424865485276302219601246094119453082952085005768838150682342462881473913110540827237163350510684586298239947245938479716304835356329624224137216"),
        ("int", "179769313486231590772930519078902473361797697894230657273430081157732675805500963132708477322407536021120113879871393357658789768814416622492847430639474124377767893424865485276302219601246094119453082952085005768838150682342462881473913110540827237163350510684586298239947245938479716304835356329624224137216", ",", "=179,769,313,486,231,590,772,930,519,078,902,473,361,797,697,894,230,657,273,430,081,157,732,675,805,500,963,132,708,477,322,407,536,021,120,113,879,871,393,357,658,789,768,814,416,622,492,847,430,639,474,124,377,767,893,424,865,485,276,302,219,601,246,094,119,453,082,952,085,005,768,838,150,682,342,462,881,473,913,110,540,827,237,163,350,510,684,586,298,239,947,245,938,479,716,304,835,356,329,624,224,137,216"),
        ("int", "179769313486231580793728971405303415079934132710037826936173778980444968292764750946649017977587207096330286416692887910946555547851940402630657488671505820681908902000708383676273854845817711531764475730270069855571366959622842914819860834936475292719074168444365510704342711559699508093042880177904174497792", "e", "!OverflowError: int too large to convert to float"),
        ("int", "179769313486231570814527423731704356798070567525844996598917476803157260780028538760589558632766878171540458953514382464234321326889464182768467546703537516986049910576551282076245490090389328944075868508455133942304583236903222948165808559332123348274797826204144723168738177180919299881250404026184124858368", "e", "=1.797693e+308"),
        ("float", "1e+300", ".400f", "=1000000000000000052504760255204420248704468581108159154915854115511802457988908195786371375080447864043704443832883878176942523235360430575644792184786706982848387200926575803737830233794788090059368953234970799945081119038967640880074652742780142494579258788820056842838115669472196386865459400540160.0000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000"),
        ("float", "5e-324", ".330f", "=0.000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000004940656"),
        ("float", "0.0", ".25f", "=0.0000000000000000000000000"),
        ("float", "0.0", "#g", "=0.00000"),
        ("float", "0.0", ".50g", "=0"),
        ("float", "0.0", "zF", "=0.000000"),
        ("float", "0.0", "#.3g", "=0.00"),
        ("float", "0.0", ".3f", "=0.000"),
        ("float", "0.0", "020_.4f", "=000_000_000_000.0000"),
        ("float", "0.0", "e", "=0.000000e+00"),
        ("float", "0.0", "#.0f", "=0."),
        ("float", "0.0", ".0e", "=0e+00"),
        ("float", "0.0", "%", "=0.000000%"),
        ("float", "0.0", "z.0f", "=0"),
        ("float", "0.0", "010.2f", "=0000000.00"),
        ("float", "0.0", "n", "=0"),
        ("float", "0.0", "G", "=0"),
        ("float", "0.0", ".10", "=0.0"),
        ("float", "0.0", "z", "=0.0"),
        ("float", "-0.0", " ", "=-0.0"),
        ("float", "-0.0", "#.3g", "=-0.00"),
        ("float", "-0.0", "z.0f", "=0"),
        ("float", "-0.0", "#", "=-0.0"),
        ("float", "-0.0", "s", "!ValueError: Unknown format code 's' for object of type 'float'"),
        ("float", "-0.0", ">10", "=      -0.0"),
        ("float", "-0.0", "015,.2f", "=-000,000,000.00"),
        ("float", "-0.0", "010.2f", "=-000000.00"),
        ("float", "-0.0", "+.2f", "=-0.00"),
        ("float", "-0.0", ".", "!ValueError: Format specifier missing precision"),
        ("float", "-0.0", ".1", "=-0e+00"),
        ("float", "-0.0", "-.2f", "=-0.00"),
        ("float", "-0.0", "e", "=-0.000000e+00"),
        ("float", "-0.0", " .2f", "=-0.00"),
        ("float", "-0.0", "020_.4f", "=-00_000_000_000.0000"),
        ("float", "-0.0", "z.1f", "=0.0"),
        ("float", "-0.0", ",e", "=-0.000000e+00"),
        ("float", "1.0", ">10", "=       1.0"),
        ("float", "1.0", " ", "= 1.0"),
        ("float", "1.0", "010.2f", "=0000001.00"),
        ("float", "1.0", "s", "!ValueError: Unknown format code 's' for object of type 'float'"),
        ("float", "1.0", ".0f", "=1"),
        ("float", "1.0", "-010.2f", "=0000001.00"),
        ("float", "1.0", "012,", "=00,000,001.0"),
        ("float", "1.0", ".2", "=1.0"),
        ("float", "1.0", "_.3f", "=1.000"),
        ("float", "1.0", "+.2f", "=+1.00"),
        ("float", "1.0", "x<12e", "=1.000000e+00"),
        ("float", "1.0", ".3e", "=1.000e+00"),
        ("float", "1.0", "#.3g", "=1.00"),
        ("float", "1.0", "z", "=1.0"),
        ("float", "1.0", "n", "=1"),
        ("float", "1.0", "#,.3%", "=100.000%"),
        ("float", "1.0", ".1", "=1e+00"),
        ("float", "-1.5", "=10", "=-      1.5"),
        ("float", "-1.5", "-.2f", "=-1.50"),
        ("float", "-1.5", ".12g", "=-1.5"),
        ("float", "-1.5", "", "=-1.5"),
        ("float", "-1.5", "10.", "!ValueError: Format specifier missing precision"),
        ("float", "-1.5", "z.0f", "=-2"),
        ("float", "-1.5", "f", "=-1.500000"),
        ("float", "-1.5", "d", "!ValueError: Unknown format code 'd' for object of type 'float'"),
        ("float", "-1.5", ",g", "=-1.5"),
        ("float", "-1.5", "#.0e", "=-2.e+00"),
        ("float", "-1.5", ",", "=-1.5"),
        ("float", "-1.5", "e", "=-1.500000e+00"),
        ("float", "-1.5", "<10", "=-1.5      "),
        ("float", "-1.5", "c", "!ValueError: Unknown format code 'c' for object of type 'float'"),
        ("float", "-1.5", ".25f", "=-1.5000000000000000000000000"),
        ("float", "-1.5", ".1", "=-2e+00"),
        ("float", "-1.5", "1,0", "!ValueError: Cannot specify ',' with '0'."),
        ("float", "0.5", " .2f", "= 0.50"),
        ("float", "0.5", "+", "=+0.5"),
        ("float", "0.5", ".0g", "=0.5"),
        ("float", "0.5", "#g", "=0.500000"),
        ("float", "0.5", "^#12.0f", "=     0.     "),
        ("float", "0.5", "", "=0.5"),
        ("float", "0.5", "E", "=5.000000E-01"),
        ("float", "0.5", ".3e", "=5.000e-01"),
        ("float", "0.5", ".17", "=0.5"),
        ("float", "0.5", ",g", "=0.5"),
        ("float", "0.5", "#.3g", "=0.500"),
        ("float", "0.5", "%", "=50.000000%"),
        ("float", "0.5", "-010.2f", "=0000000.50"),
        ("float", "0.5", "_", "=0.5"),
        ("float", "0.5", ",n", "!ValueError: Cannot specify ',' with 'n'."),
        ("float", "0.5", "10.", "!ValueError: Format specifier missing precision"),
        ("float", "0.5", "#,.3%", "=50.000%"),
        ("float", "2.5", "z", "=2.5"),
        ("float", "2.5", "f", "=2.500000"),
        ("float", "2.5", "#g", "=2.50000"),
        ("float", "2.5", "0=10.1f", "=00000002.5"),
        ("float", "2.5", "010", "=00000002.5"),
        ("float", "2.5", "010.2f", "=0000002.50"),
        ("float", "2.5", "x<12e", "=2.500000e+00"),
        ("float", "2.5", "z.0f", "=2"),
        ("float", "2.5", "c", "!ValueError: Unknown format code 'c' for object of type 'float'"),
        ("float", "2.5", "^#12.0f", "=     2.     "),
        ("float", "2.5", ".0e", "=2e+00"),
        ("float", "2.5", ",g", "=2.5"),
        ("float", "2.5", " ", "= 2.5"),
        ("float", "2.5", ".50g", "=2.5"),
        ("float", "2.5", ",.0%", "=250%"),
        ("float", "2.5", "d", "!ValueError: Unknown format code 'd' for object of type 'float'"),
        ("float", "2.5", "_.3f", "=2.500"),
        ("float", "3.14159", ".3f", "=3.142"),
        ("float", "3.14159", "0=10.1f", "=00000003.1"),
        ("float", "3.14159", "G", "=3.14159"),
        ("float", "3.14159", ".0%", "=314%"),
        ("float", "3.14159", ".3", "=3.14"),
        ("float", "3.14159", "z.1f", "=3.1"),
        ("float", "3.14159", ",.2f", "=3.14"),
        ("float", "3.14159", "+010.2f", "=+000003.14"),
        ("float", "3.14159", "010", "=0003.14159"),
        ("float", "3.14159", "d", "!ValueError: Unknown format code 'd' for object of type 'float'"),
        ("float", "3.14159", ".0g", "=3"),
        ("float", "3.14159", "x", "!ValueError: Unknown format code 'x' for object of type 'float'"),
        ("float", "3.14159", "#.0f", "=3."),
        ("float", "3.14159", ",.0%", "=314%"),
        ("float", "3.14159", "_.3f", "=3.142"),
        ("float", "3.14159", "n", "=3.14159"),
        ("float", "3.14159", ">10", "=   3.14159"),
        ("float", "1234.5678", "*^15.4g", "=*****1235******"),
        ("float", "1234.5678", "+", "=+1234.5678"),
        ("float", "1234.5678", "", "=1234.5678"),
        ("float", "1234.5678", "020_.4f", "=000_000_001_234.5678"),
        ("float", "1234.5678", ".3e", "=1.235e+03"),
        ("float", "1234.5678", "e", "=1.234568e+03"),
        ("float", "1234.5678", "10", "= 1234.5678"),
        ("float", "1234.5678", ".3f", "=1234.568"),
        ("float", "1234.5678", "z.1f", "=1234.6"),
        ("float", "1234.5678", ".20", "=1234.5678000000000338"),
        ("float", "1234.5678", "=10", "= 1234.5678"),
        ("float", "1234.5678", ".0f", "=1235"),
        ("float", "1234.5678", "#,.3%", "=123,456.780%"),
        ("float", "1234.5678", "10.", "!ValueError: Format specifier missing precision"),
        ("float", "1234.5678", ",.2f", "=1,234.57"),
        ("float", "1234.5678", ",", "=1,234.5678"),
        ("float", "1234.5678", ",n", "!ValueError: Cannot specify ',' with 'n'."),
        ("float", "1e+16", "*^15.4g", "=*****1e+16*****"),
        ("float", "1e+16", "g", "=1e+16"),
        ("float", "1e+16", "10", "=     1e+16"),
        ("float", "1e+16", "+.2f", "=+10000000000000000.00"),
        ("float", "1e+16", "020_.4f", "=10_000_000_000_000_000.0000"),
        ("float", "1e+16", "f", "=10000000000000000.000000"),
        ("float", "1e+16", ",.0%", "=1,000,000,000,000,000,000%"),
        ("float", "1e+16", "010", "=000001e+16"),
        ("float", "1e+16", "s", "!ValueError: Unknown format code 's' for object of type 'float'"),
        ("float", "1e+16", ".17", "=1e+16"),
        ("float", "1e+16", ">10", "=     1e+16"),
        ("float", "1e+16", "^#12.0f", "=10000000000000000."),
        ("float", "1e+16", ".", "!ValueError: Format specifier missing precision"),
        ("float", "1e+16", "-010.2f", "=10000000000000000.00"),
        ("float", "1e+16", "z", "=1e+16"),
        ("float", "1e+16", "+010.2f", "=+10000000000000000.00"),
        ("float", "1e+16", "015,.2f", "=10,000,000,000,000,000.00"),
        ("float", "1e-05", ",", "=1e-05"),
        ("float", "1e-05", ".50g", "=1.0000000000000000818030539140313095458623138256371e-05"),
        ("float", "1e-05", ".10", "=1e-05"),
        ("float", "1e-05", "s", "!ValueError: Unknown format code 's' for object of type 'float'"),
        ("float", "1e-05", "015,.2f", "=0,000,000,000.00"),
        ("float", "1e-05", "e", "=1.000000e-05"),
        ("float", "1e-05", "012,", "=0,000,001e-05"),
        ("float", "1e-05", ">10", "=     1e-05"),
        ("float", "1e-05", "+", "=+1e-05"),
        ("float", "1e-05", "+010.2f", "=+000000.00"),
        ("float", "1e-05", ",n", "!ValueError: Cannot specify ',' with 'n'."),
        ("float", "1e-05", ".2", "=1e-05"),
        ("float", "1e-05", "_", "=1e-05"),
        ("float", "1e-05", " .2f", "= 0.00"),
        ("float", "1e-05", ".3g", "=1e-05"),
        ("float", "1e-05", "+.2f", "=+0.00"),
        ("float", "1e-05", ".20", "=1.0000000000000000818e-05"),
        ("float", "123456789.0", "+", "=+123456789.0"),
        ("float", "123456789.0", "-010.2f", "=123456789.00"),
        ("float", "123456789.0", ",.2f", "=123,456,789.00"),
        ("float", "123456789.0", ".0%", "=12345678900%"),
        ("float", "123456789.0", ".3e", "=1.235e+08"),
        ("float", "123456789.0", ".25f", "=123456789.0000000000000000000000000"),
        ("float", "123456789.0", "g", "=1.23457e+08"),
        ("float", "123456789.0", ".3", "=1.23e+08"),
        ("float", "123456789.0", "=10", "=123456789.0"),
        ("float", "123456789.0", ".10", "=123456789.0"),
        ("float", "123456789.0", ">10", "=123456789.0"),
        ("float", "123456789.0", "F", "=123456789.000000"),
        ("float", "123456789.0", ".50g", "=123456789"),
        ("float", "123456789.0", ",g", "=1.23457e+08"),
        ("float", "123456789.0", ".1", "=1e+08"),
        ("float", "123456789.0", "", "=123456789.0"),
        ("float", "123456789.0", "G", "=1.23457E+08"),
        ("float", "0.3333333333333333", ",e", "=3.333333e-01"),
        ("float", "0.3333333333333333", "-.2f", "=0.33"),
        ("float", "0.3333333333333333", "+.2f", "=+0.33"),
        ("float", "0.3333333333333333", "1,0", "!ValueError: Cannot specify ',' with '0'."),
        ("float", "0.3333333333333333", "z.0f", "=0"),
        ("float", "0.3333333333333333", "_", "=0.3333333333333333"),
        ("float", "0.3333333333333333", ",.0%", "=33%"),
        ("float", "0.3333333333333333", ",.2f", "=0.33"),
        ("float", "0.3333333333333333", "010", "=0.3333333333333333"),
        ("float", "0.3333333333333333", "E", "=3.333333E-01"),
        ("float", "0.3333333333333333", ".3", "=0.333"),
        ("float", "0.3333333333333333", "+z.2e", "=+3.33e-01"),
        ("float", "0.3333333333333333", "#", "=0.3333333333333333"),
        ("float", "0.3333333333333333", "d", "!ValueError: Unknown format code 'd' for object of type 'float'"),
        ("float", "0.3333333333333333", "_.3f", "=0.333"),
        ("float", "0.3333333333333333", ".3f", "=0.333"),
        ("float", "0.3333333333333333", "s", "!ValueError: Unknown format code 's' for object of type 'float'"),
        ("float", "2.5e-300", " .2f", "= 0.00"),
        ("float", "2.5e-300", ".0%", "=0%"),
        ("float", "2.5e-300", ".3g", "=2.5e-300"),
        ("float", "2.5e-300", "+z.2e", "=+2.50e-300"),
        ("float", "2.5e-300", "n", "=2.5e-300"),
        ("float", "2.5e-300", "c", "!ValueError: Unknown format code 'c' for object of type 'float'"),
        ("float", "2.5e-300", ".10", "=2.5e-300"),
        ("float", "2.5e-300", ".20", "=2.4999999999999999798e-300"),
        ("float", "2.5e-300", "#.0e", "=2.e-300"),
        ("float", "2.5e-300", "z.1f", "=0.0"),
        ("float", "2.5e-300", "#.3g", "=2.50e-300"),
        ("float", "2.5e-300", "0=10.1f", "=00000000.0"),
        ("float", "2.5e-300", ".", "!ValueError: Format specifier missing precision"),
        ("float", "2.5e-300", "012,", "=0,002.5e-300"),
        ("float", "2.5e-300", ".12g", "=2.5e-300"),
        ("float", "2.5e-300", "f", "=0.000000"),
        ("float", "2.5e-300", "g", "=2.5e-300"),
        ("float", "5e-324", ".20", "=4.9406564584124654418e-324"),
        ("float", "5e-324", "+", "=+5e-324"),
        ("float", "5e-324", "g", "=4.94066e-324"),
        ("float", "5e-324", ".17", "=4.9406564584124654e-324"),
        ("float", "5e-324", "E", "=4.940656E-324"),
        ("float", "5e-324", "F", "=0.000000"),
        ("float", "5e-324", "^#12.0f", "=     0.     "),
        ("float", "5e-324", "^10", "=  5e-324  "),
        ("float", "5e-324", "0=10.1f", "=00000000.0"),
        ("float", "5e-324", "-010.2f", "=0000000.00"),
        ("float", "5e-324", "f", "=0.000000"),
        ("float", "5e-324", ".0g", "=5e-324"),
        ("float", "5e-324", "d", "!ValueError: Unknown format code 'd' for object of type 'float'"),
        ("float", "5e-324", ".0e", "=5e-324"),
        ("float", "5e-324", ",e", "=4.940656e-324"),
        ("float", "5e-324", " .2f", "= 0.00"),
        ("float", "5e-324", "-.2f", "=0.00"),
        ("float", "1.7976931348623157e+308", ".20", "=1.7976931348623157081e+308"),
        ("float", "1.7976931348623157e+308", "x", "!ValueError: Unknown format code 'x' for object of type 'float'"),
        ("float", "1.7976931348623157e+308", ".1", "=2e+308"),
        ("float", "1.7976931348623157e+308", "10", "=1.7976931348623157e+308"),
        ("float", "1.7976931348623157e+308", ".0e", "=2e+308"),
        ("float", "1.7976931348623157e+308", ".3e", "=1.798e+308"),
        ("float", "1.7976931348623157e+308", "E", "=1.797693E+308"),
        ("float", "1.7976931348623157e+308", "#,.3%", "=inf%"),
        ("float", "1.7976931348623157e+308", ".50g", "=1.7976931348623157081452742373170435679807056752584e+308"),
        ("float", "1.7976931348623157e+308", ".10", "=1.797693135e+308"),
        ("float", "1.7976931348623157e+308", "<10", "=1.7976931348623157e+308"),
        ("float", "1.7976931348623157e+308", ".3g", "=1.8e+308"),
        ("float", "1.7976931348623157e+308", "d", "!ValueError: Unknown format code 'd' for object of type 'float'"),
        ("float", "1.7976931348623157e+308", "zF", "=179769313486231570814527423731704356798070567525844996598917476803157260780028538760589558632766878171540458953514382464234321326889464182768467546703537516986049910576551282076245490090389328944075868508455133942304583236903222948165808559332123348274797826204144723168738177180919299881250404026184124858368.000000"),
        ("float", "1.7976931348623157e+308", "^#12.0f", "=179769313486231570814527423731704356798070567525844996598917476803157260780028538760589558632766878171540458953514382464234321326889464182768467546703537516986049910576551282076245490090389328944075868508455133942304583236903222948165808559332123348274797826204144723168738177180919299881250404026184124858368."),
        ("float", "1.7976931348623157e+308", ".0%", "=inf%"),
        ("float", "1.7976931348623157e+308", "z.1f", "=179769313486231570814527423731704356798070567525844996598917476803157260780028538760589558632766878171540458953514382464234321326889464182768467546703537516986049910576551282076245490090389328944075868508455133942304583236903222948165808559332123348274797826204144723168738177180919299881250404026184124858368.0"),
        ("float", "inf", ",g", "=inf"),
        ("float", "inf", "010.2f", "=0000000inf"),
        ("float", "inf", ".0e", "=inf"),
        ("float", "inf", "^#12.0f", "=    inf     "),
        ("float", "inf", ".3f", "=inf"),
        ("float", "inf", " .2f", "= inf"),
        ("float", "inf", ",n", "!ValueError: Cannot specify ',' with 'n'."),
        ("float", "inf", ".3g", "=inf"),
        ("float", "inf", ".10", "=inf"),
        ("float", "inf", "=10", "=       inf"),
        ("float", "inf", "f", "=inf"),
        ("float", "inf", "#", "=inf"),
        ("float", "inf", "zF", "=INF"),
        ("float", "inf", "x<12e", "=infxxxxxxxxx"),
        ("float", "inf", "015,.2f", "=000000000000inf"),
        ("float", "inf", ".2d", "!ValueError: Unknown format code 'd' for object of type 'float'"),
        ("float", "inf", "%", "=inf%"),
        ("float", "-inf", ".3e", "=-inf"),
        ("float", "-inf", "zF", "=-INF"),
        ("float", "-inf", " .2f", "=-inf"),
        ("float", "-inf", ">12.5G", "=        -INF"),
        ("float", "-inf", "+z.2e", "=-inf"),
        ("float", "-inf", "", "=-inf"),
        ("float", "-inf", "10.", "!ValueError: Format specifier missing precision"),
        ("float", "-inf", ">10", "=      -inf"),
        ("float", "-inf", "010.2f", "=-000000inf"),
        ("float", "-inf", "#.0e", "=-inf"),
        ("float", "-inf", "^10", "=   -inf   "),
        ("float", "-inf", "G", "=-INF"),
        ("float", "-inf", "015,.2f", "=-00000000000inf"),
        ("float", "-inf", "020_.4f", "=-0000000000000000inf"),
        ("float", "-inf", "x", "!ValueError: Unknown format code 'x' for object of type 'float'"),
        ("float", "-inf", ",.2f", "=-inf"),
        ("float", "-inf", "z.1f", "=-inf"),
        ("float", "nan", ".3g", "=nan"),
        ("float", "nan", "012,", "=000000000nan"),
        ("float", "nan", "c", "!ValueError: Unknown format code 'c' for object of type 'float'"),
        ("float", "nan", ".25f", "=nan"),
        ("float", "nan", ".0e", "=nan"),
        ("float", "nan", ".1", "=nan"),
        ("float", "nan", "1,0", "!ValueError: Cannot specify ',' with '0'."),
        ("float", "nan", "+010.2f", "=+000000nan"),
        ("float", "nan", ".3e", "=nan"),
        ("float", "nan", "g", "=nan"),
        ("float", "nan", "015,.2f", "=000000000000nan"),
        ("float", "nan", ",.2f", "=nan"),
        ("float", "nan", "n", "=nan"),
        ("float", "nan", "#.0e", "=nan"),
        ("float", "nan", ".10", "=nan"),
        ("float", "nan", ".20", "=nan"),
        ("float", "nan", "%", "=nan%"),
        ("float", "0.30000000000000004", ".", "!ValueError: Format specifier missing precision"),
        ("float", "0.30000000000000004", "10.", "!ValueError: Format specifier missing precision"),
        ("float", "0.30000000000000004", "#", "=0.30000000000000004"),
        ("float", "0.30000000000000004", ".12g", "=0.3"),
        ("float", "0.30000000000000004", ".0%", "=30%"),
        ("float", "0.30000000000000004", "0=10.1f", "=00000000.3"),
        ("float", "0.30000000000000004", ".20", "=0.30000000000000004441"),
        ("float", "0.30000000000000004", "z.0f", "=0"),
        ("float", "0.30000000000000004", "+.2f", "=+0.30"),
        ("float", "0.30000000000000004", ".3", "=0.3"),
        ("float", "0.30000000000000004", ",.2f", "=0.30"),
        ("float", "0.30000000000000004", ",g", "=0.3"),
        ("float", "0.30000000000000004", "#.0e", "=3.e-01"),
        ("float", "0.30000000000000004", ">12.5G", "=         0.3"),
        ("float", "0.30000000000000004", "010", "=0.30000000000000004"),
        ("float", "0.30000000000000004", ">10", "=0.30000000000000004"),
        ("float", "0.30000000000000004", "+z.2e", "=+3.00e-01"),
        ("float", "1e+22", "-.2f", "=10000000000000000000000.00"),
        ("float", "1e+22", "#.3g", "=1.00e+22"),
        ("float", "1e+22", ">10", "=     1e+22"),
        ("float", "1e+22", "=10", "=     1e+22"),
        ("float", "1e+22", "_", "=1e+22"),
        ("float", "1e+22", "", "=1e+22"),
        ("float", "1e+22", "+z.2e", "=+1.00e+22"),
        ("float", "1e+22", "*^15.4g", "=*****1e+22*****"),
        ("float", "1e+22", "015,.2f", "=10,000,000,000,000,000,000,000.00"),
        ("float", "1e+22", "-010.2f", "=10000000000000000000000.00"),
        ("float", "1e+22", "x", "!ValueError: Unknown format code 'x' for object of type 'float'"),
        ("float", "1e+22", "G", "=1E+22"),
        ("float", "1e+22", " ", "= 1e+22"),
        ("float", "1e+22", "d", "!ValueError: Unknown format code 'd' for object of type 'float'"),
        ("float", "1e+22", ".2", "=1e+22"),
        ("float", "1e+22", ".", "!ValueError: Format specifier missing precision"),
        ("float", "1e+22", "E", "=1.000000E+22"),
        ("float", "1e+100", ",.0%", "=999,999,999,999,999,977,049,513,265,245,336,628,446,842,719,924,150,006,129,995,974,731,993,452,180,789,911,303,261,294,481,511,546,880%"),
        ("float", "1e+100", ".12g", "=1e+100"),
        ("float", "1e+100", "c", "!ValueError: Unknown format code 'c' for object of type 'float'"),
        ("float", "1e+100", "#.0f", "=10000000000000000159028911097599180468360808563945281389781327557747838772170381060813469985856815104."),
        ("float", "1e+100", "#", "=1.e+100"),
        ("float", "1e+100", ".0e", "=1e+100"),
        ("float", "1e+100", "#g", "=1.00000e+100"),
        ("float", "1e+100", ">12.5G", "=      1E+100"),
        ("float", "1e+100", ".10", "=1e+100"),
        ("float", "1e+100", "10.", "!ValueError: Format specifier missing precision"),
        ("float", "1e+100", "", "=1e+100"),
        ("float", "1e+100", "+010.2f", "=+10000000000000000159028911097599180468360808563945281389781327557747838772170381060813469985856815104.00"),
        ("float", "1e+100", "x<12e", "=1.000000e+100"),
        ("float", "1e+100", "G", "=1E+100"),
        ("float", "1e+100", "%", "=999999999999999977049513265245336628446842719924150006129995974731993452180789911303261294481511546880.000000%"),
        ("float", "1e+100", "s", "!ValueError: Unknown format code 's' for object of type 'float'"),
        ("float", "1e+100", "^10", "=  1e+100  "),
        ("float", "0.000123", "n", "=0.000123"),
        ("float", "0.000123", "-.2f", "=0.00"),
        ("float", "0.000123", ".3", "=0.000123"),
        ("float", "0.000123", "1,0", "!ValueError: Cannot specify ',' with '0'."),
        ("float", "0.000123", ",", "=0.000123"),
        ("float", "0.000123", "e", "=1.230000e-04"),
        ("float", "0.000123", "d", "!ValueError: Unknown format code 'd' for object of type 'float'"),
        ("float", "0.000123", "#", "=0.000123"),
        ("float", "0.000123", ",e", "=1.230000e-04"),
        ("float", "0.000123", ".0g", "=0.0001"),
        ("float", "0.000123", "f", "=0.000123"),
        ("float", "0.000123", "", "=0.000123"),
        ("float", "0.000123", "_.3f", "=0.000"),
        ("float", "0.000123", "#g", "=0.000123000"),
        ("float", "0.000123", "G", "=0.000123"),
        ("float", "0.000123", ".3e", "=1.230e-04"),
        ("float", "0.000123", "10.", "!ValueError: Format specifier missing precision"),
        ("float", "99.995", "%", "=9999.500000%"),
        ("float", "99.995", ".0e", "=1e+02"),
        ("float", "99.995", "=10", "=    99.995"),
        ("float", "99.995", ".3e", "=1.000e+02"),
        ("float", "99.995", "015,.2f", "=0,000,000,100.00"),
        ("float", "99.995", "_.3f", "=99.995"),
        ("float", "99.995", ",n", "!ValueError: Cannot specify ',' with 'n'."),
        ("float", "99.995", ".20", "=99.995000000000004547"),
        ("float", "99.995", "^10", "=  99.995  "),
        ("float", "99.995", "+.2f", "=+100.00"),
        ("float", "99.995", "+010.2f", "=+000100.00"),
        ("float", "99.995", "0=10.1f", "=00000100.0"),
        ("float", "99.995", ">12.5G", "=      99.995"),
        ("float", "99.995", "#.3g", "=100."),
        ("float", "99.995", ",e", "=9.999500e+01"),
        ("float", "99.995", "-010.2f", "=0000100.00"),
        ("float", "99.995", ".12g", "=99.995"),
        ("float", "12345678.9", "#", "=12345678.9"),
        ("float", "12345678.9", "=10", "=12345678.9"),
        ("float", "12345678.9", "e", "=1.234568e+07"),
        ("float", "12345678.9", "012,", "=12,345,678.9"),
        ("float", "12345678.9", ",.0%", "=1,234,567,890%"),
        ("float", "12345678.9", ".3", "=1.23e+07"),
        ("float", "12345678.9", "d", "!ValueError: Unknown format code 'd' for object of type 'float'"),
        ("float", "12345678.9", ">10", "=12345678.9"),
        ("float", "12345678.9", "1,0", "!ValueError: Cannot specify ',' with '0'."),
        ("float", "12345678.9", "z.1f", "=12345678.9"),
        ("float", "12345678.9", ".0e", "=1e+07"),
        ("float", "12345678.9", "-.2f", "=12345678.90"),
        ("float", "12345678.9", ".0%", "=1234567890%"),
        ("float", "12345678.9", "zF", "=12345678.900000"),
        ("float", "12345678.9", "G", "=1.23457E+07"),
        ("float", "12345678.9", "#.0e", "=1.e+07"),
        ("float", "12345678.9", "_.3f", "=12_345_678.900"),
        ("float", "1e-07", "_.3f", "=0.000"),
        ("float", "1e-07", "zF", "=0.000000"),
        ("float", "1e-07", "s", "!ValueError: Unknown format code 's' for object of type 'float'"),
        ("float", "1e-07", ".25f", "=0.0000000999999999999999955"),
        ("float", "1e-07", " ", "= 1e-07"),
        ("float", "1e-07", "z.1f", "=0.0"),
        ("float", "1e-07", "0=10.1f", "=00000000.0"),
        ("float", "1e-07", "f", "=0.000000"),
        ("float", "1e-07", ".20", "=9.9999999999999995475e-08"),
        ("float", "1e-07", ".3", "=1e-07"),
        ("float", "1e-07", ".3g", "=1e-07"),
        ("float", "1e-07", "#.0f", "=0."),
        ("float", "1e-07", ".2", "=1e-07"),
        ("float", "1e-07", "015,.2f", "=0,000,000,000.00"),
        ("float", "1e-07", "G", "=1E-07"),
        ("float", "1e-07", ".0%", "=0%"),
        ("float", "1e-07", "<10", "=1e-07     "),
        ("float", "-0.0001", "+010.2f", "=-000000.00"),
        ("float", "-0.0001", "e", "=-1.000000e-04"),
        ("float", "-0.0001", "#.0f", "=-0."),
        ("float", "-0.0001", "015,.2f", "=-000,000,000.00"),
        ("float", "-0.0001", "-010.2f", "=-000000.00"),
        ("float", "-0.0001", "c", "!ValueError: Unknown format code 'c' for object of type 'float'"),
        ("float", "-0.0001", ",g", "=-0.0001"),
        ("float", "-0.0001", "=10", "=-   0.0001"),
        ("float", "-0.0001", "#,.3%", "=-0.010%"),
        ("float", "-0.0001", "z.1f", "=0.0"),
        ("float", "-0.0001", "^#12.0f", "=    -0.     "),
        ("float", "-0.0001", "f", "=-0.000100"),
        ("float", "-0.0001", ".0g", "=-0.0001"),
        ("float", "-0.0001", "_.3f", "=-0.000"),
        ("float", "-0.0001", "10", "=   -0.0001"),
        ("float", "-0.0001", "012,", "=-00,000.0001"),
        ("float", "-0.0001", "G", "=-0.0001"),
        ("float", "100.0", "<10", "=100.0     "),
        ("float", "100.0", "x<12e", "=1.000000e+02"),
        ("float", "100.0", "e", "=1.000000e+02"),
        ("float", "100.0", "_", "=100.0"),
        ("float", "100.0", "G", "=100"),
        ("float", "100.0", "012,", "=00,000,100.0"),
        ("float", "100.0", ".1", "=1e+02"),
        ("float", "100.0", "10.", "!ValueError: Format specifier missing precision"),
        ("float", "100.0", "015,.2f", "=0,000,000,100.00"),
        ("float", "100.0", "*^15.4g", "=******100******"),
        ("float", "100.0", ".10", "=100.0"),
        ("float", "100.0", ".2d", "!ValueError: Unknown format code 'd' for object of type 'float'"),
        ("float", "100.0", "E", "=1.000000E+02"),
        ("float", "100.0", "g", "=100"),
        ("float", "100.0", ".0f", "=100"),
        ("float", "100.0", "010.2f", "=0000100.00"),
        ("float", "100.0", ".0e", "=1e+02"),
        ("float", "1000000000000000.0", "x<12e", "=1.000000e+15"),
        ("float", "1000000000000000.0", ">12.5G", "=       1E+15"),
        ("float", "1000000000000000.0", "^#12.0f", "=1000000000000000."),
        ("float", "1000000000000000.0", "f", "=1000000000000000.000000"),
        ("float", "1000000000000000.0", ",.2f", "=1,000,000,000,000,000.00"),
        ("float", "1000000000000000.0", "+010.2f", "=+1000000000000000.00"),
        ("float", "1000000000000000.0", "_.3f", "=1_000_000_000_000_000.000"),
        ("float", "1000000000000000.0", ",e", "=1.000000e+15"),
        ("float", "1000000000000000.0", "1,0", "!ValueError: Cannot specify ',' with '0'."),
        ("float", "1000000000000000.0", "x", "!ValueError: Unknown format code 'x' for object of type 'float'"),
        ("float", "1000000000000000.0", "-.2f", "=1000000000000000.00"),
        ("float", "1000000000000000.0", "#,.3%", "=100,000,000,000,000,000.000%"),
        ("float", "1000000000000000.0", ".3f", "=1000000000000000.000"),
        ("float", "1000000000000000.0", "#.3g", "=1.00e+15"),
        ("float", "1000000000000000.0", "g", "=1e+15"),
        ("float", "1000000000000000.0", ".0g", "=1e+15"),
        ("float", "1000000000000000.0", "010", "=1000000000000000.0"),
        ("float", "123456789012345.0", "+.2f", "=+123456789012345.00"),
        ("float", "123456789012345.0", "x", "!ValueError: Unknown format code 'x' for object of type 'float'"),
        ("float", "123456789012345.0", "d", "!ValueError: Unknown format code 'd' for object of type 'float'"),
        ("float", "123456789012345.0", "1,0", "!ValueError: Cannot specify ',' with '0'."),
        ("float", "123456789012345.0", ".0g", "=1e+14"),
        ("float", "123456789012345.0", ",e", "=1.234568e+14"),
        ("float", "123456789012345.0", "z.1f", "=123456789012345.0"),
        ("float", "123456789012345.0", ",.2f", "=123,456,789,012,345.00"),
        ("float", "123456789012345.0", "zF", "=123456789012345.000000"),
        ("float", "123456789012345.0", ",.0%", "=12,345,678,901,234,500%"),
        ("float", "123456789012345.0", "_", "=123_456_789_012_345.0"),
        ("float", "123456789012345.0", "c", "!ValueError: Unknown format code 'c' for object of type 'float'"),
        ("float", "123456789012345.0", "0=10.1f", "=123456789012345.0"),
        ("float", "123456789012345.0", ".", "!ValueError: Format specifier missing precision"),
        ("float", "123456789012345.0", ".12g", "=1.23456789012e+14"),
        ("float", "123456789012345.0", ">12.5G", "=  1.2346E+14"),
        ("float", "123456789012345.0", "#,.3%", "=12,345,678,901,234,500.000%"),
        ("float", "0.0625", ",e", "=6.250000e-02"),
        ("float", "0.0625", ".0e", "=6e-02"),
        ("float", "0.0625", ".1", "=0.06"),
        ("float", "0.0625", "020_.4f", "=000_000_000_000.0625"),
        ("float", "0.0625", "*^15.4g", "=****0.0625*****"),
        ("float", "0.0625", ".50g", "=0.0625"),
        ("float", "0.0625", "015,.2f", "=0,000,000,000.06"),
        ("float", "0.0625", "#g", "=0.0625000"),
        ("float", "0.0625", "0=10.1f", "=00000000.1"),
        ("float", "0.0625", "#", "=0.0625"),
        ("float", "0.0625", "+.2f", "=+0.06"),
        ("float", "0.0625", "+010.2f", "=+000000.06"),
        ("float", "0.0625", ".12g", "=0.0625"),
        ("float", "0.0625", "+", "=+0.0625"),
        ("float", "0.0625", ".3f", "=0.062"),
        ("float", "0.0625", "#.3g", "=0.0625"),
        ("float", "0.0625", "x", "!ValueError: Unknown format code 'x' for object of type 'float'"),
        ("float", "9.9999", "+010.2f", "=+000010.00"),
        ("float", "9.9999", ".", "!ValueError: Format specifier missing precision"),
        ("float", "9.9999", ".0%", "=1000%"),
        ("float", "9.9999", "f", "=9.999900"),
        ("float", "9.9999", "10", "=    9.9999"),
        ("float", "9.9999", "x<12e", "=9.999900e+00"),
        ("float", "9.9999", "E", "=9.999900E+00"),
        ("float", "9.9999", "+.2f", "=+10.00"),
        ("float", "9.9999", "F", "=9.999900"),
        ("float", "9.9999", ".20", "=9.9999000000000002331"),
        ("float", "9.9999", ">10", "=    9.9999"),
        ("float", "9.9999", "+z.2e", "=+1.00e+01"),
        ("float", "9.9999", "0=10.1f", "=00000010.0"),
        ("float", "9.9999", ",.2f", "=10.00"),
        ("float", "9.9999", "", "=9.9999"),
        ("float", "9.9999", "zF", "=9.999900"),
        ("float", "9.9999", "010.2f", "=0000010.00"),
        ("float", "999999.5", "f", "=999999.500000"),
        ("float", "999999.5", "+z.2e", "=+1.00e+06"),
        ("float", "999999.5", "010", "=00999999.5"),
        ("float", "999999.5", "c", "!ValueError: Unknown format code 'c' for object of type 'float'"),
        ("float", "999999.5", ".25f", "=999999.5000000000000000000000000"),
        ("float", "999999.5", "#.0e", "=1.e+06"),
        ("float", "999999.5", ",g", "=1e+06"),
        ("float", "999999.5", ",.2f", "=999,999.50"),
        ("float", "999999.5", ",e", "=9.999995e+05"),
        ("float", "999999.5", "0=10.1f", "=00999999.5"),
        ("float", "999999.5", "+.2f", "=+999999.50"),
        ("float", "999999.5", "zF", "=999999.500000"),
        ("float", "999999.5", ".0%", "=99999950%"),
        ("float", "999999.5", "012,", "=00,999,999.5"),
        ("float", "999999.5", "+", "=+999999.5"),
        ("float", "999999.5", "x<12e", "=9.999995e+05"),
        ("float", "999999.5", "-010.2f", "=0999999.50"),
        ("float", "1.25", "", "=1.25"),
        ("float", "-7.5e-08", "e", "=-7.500000e-08"),
        ("float", "-7.5e-08", "E", "=-7.500000E-08"),
        ("float", "-7.5e-08", "f", "=-0.000000"),
        ("float", "-0.0", "F", "=-0.000000"),
        ("float", "-7.5e-08", "g", "=-7.5e-08"),
        ("float", "1.25", "G", "=1.25"),
        ("float", "-0.0", "n", "=-0"),
        ("float", "-7.5e-08", "%", "=-0.000007%"),
        ("float", "-7.5e-08", ".0e", "=-7e-08"),
        ("float", "-0.0", ".0f", "=-0"),
        ("float", "31415.926535", ".0g", "=3e+04"),
        ("float", "-7.5e-08", ".0%", "=-0%"),
        ("float", "31415.926535", ".1", "=3e+04"),
        ("float", "1.25", ".2", "=1.2"),
        ("float", "1.25", ".3", "=1.25"),
        ("float", "-7.5e-08", ".10", "=-7.5e-08"),
        ("float", "-7.5e-08", ".17", "=-7.4999999999999997e-08"),
        ("float", "1.25", ".20", "=1.25"),
        ("float", "1.25", ".3e", "=1.250e+00"),
        ("float", "31415.926535", ".3f", "=31415.927"),
        ("float", "-0.0", ".3g", "=-0"),
        ("float", "31415.926535", ".12g", "=31415.926535"),
        ("float", "31415.926535", ".25f", "=31415.9265349999986938200891018"),
        ("float", "-7.5e-08", "#.0f", "=-0."),
        ("float", "-0.0", "#.0e", "=-0.e+00"),
        ("float", "1.25", "#g", "=1.25000"),
        ("float", "-0.0", "#.3g", "=-0.00"),
        ("float", "-7.5e-08", "#", "=-7.5e-08"),
        ("float", "-0.0", "+", "=-0.0"),
        ("float", "-7.5e-08", " ", "=-7.5e-08"),
        ("float", "1.25", "+.2f", "=+1.25"),
        ("float", "-7.5e-08", " .2f", "=-0.00"),
        ("float", "-7.5e-08", "-.2f", "=-0.00"),
        ("float", "31415.926535", "z.1f", "=31415.9"),
        ("float", "1.25", "z.0f", "=1"),
        ("float", "1.25", "z", "=1.25"),
        ("float", "31415.926535", "+z.2e", "=+3.14e+04"),
        ("float", "-7.5e-08", ",", "=-7.5e-08"),
        ("float", "31415.926535", "_", "=31_415.926535"),
        ("float", "-7.5e-08", ",.2f", "=-0.00"),
        ("float", "-0.0", "_.3f", "=-0.000"),
        ("float", "1.25", ",g", "=1.25"),
        ("float", "31415.926535", ",e", "=3.141593e+04"),
        ("float", "31415.926535", ",.0%", "=3,141,593%"),
        ("float", "-0.0", "10", "=      -0.0"),
        ("float", "31415.926535", "<10", "=31415.926535"),
        ("float", "1.25", ">10", "=      1.25"),
        ("float", "31415.926535", "^10", "=31415.926535"),
        ("float", "1.25", "=10", "=      1.25"),
        ("float", "31415.926535", "010", "=31415.926535"),
        ("float", "-7.5e-08", "010.2f", "=-000000.00"),
        ("float", "1.25", "+010.2f", "=+000001.25"),
        ("float", "1.25", "-010.2f", "=0000001.25"),
        ("float", "-7.5e-08", "0=10.1f", "=-0000000.0"),
        ("float", "-7.5e-08", "*^15.4g", "=***-7.5e-08****"),
        ("float", "31415.926535", "x<12e", "=3.141593e+04"),
        ("float", "31415.926535", "015,.2f", "=0,000,031,415.93"),
        ("float", "-0.0", "020_.4f", "=-00_000_000_000.0000"),
        ("float", "-0.0", "012,", "=-0,000,000.0"),
        ("float", "1.25", ",n", "!ValueError: Cannot specify ',' with 'n'."),
        ("float", "1.25", "d", "!ValueError: Unknown format code 'd' for object of type 'float'"),
        ("float", "1.25", "x", "!ValueError: Unknown format code 'x' for object of type 'float'"),
        ("float", "1.25", "s", "!ValueError: Unknown format code 's' for object of type 'float'"),
        ("float", "31415.926535", "c", "!ValueError: Unknown format code 'c' for object of type 'float'"),
        ("float", "-7.5e-08", ".2d", "!ValueError: Unknown format code 'd' for object of type 'float'"),
        ("float", "-0.0", "10.", "!ValueError: Format specifier missing precision"),
        ("float", "31415.926535", ".", "!ValueError: Format specifier missing precision"),
        ("float", "1.25", "1,0", "!ValueError: Cannot specify ',' with '0'."),
        ("float", "1.25", "#,.3%", "=125.000%"),
        ("float", "-7.5e-08", ".50g", "=-7.4999999999999996606108386941469401421045404276811e-08"),
        ("float", "31415.926535", "zF", "=31415.926535"),
        ("float", "-7.5e-08", ">12.5G", "=    -7.5E-08"),
        ("float", "-7.5e-08", "^#12.0f", "=    -0.     "),
        ("str", "", "d", "!ValueError: Unknown format code 'd' for object of type 'str'"),
        ("str", "", ".2s", "="),
        ("str", "", "x^9", "=xxxxxxxxx"),
        ("str", "", "-", "!ValueError: Sign not allowed in string format specifier"),
        ("str", "", ".0", "="),
        ("str", "", ">8.3", "=        "),
        ("str", "", "10.5", "=          "),
        ("str", "", ".2", "="),
        ("str", "", ",", "!ValueError: Cannot specify ',' with 's'."),
        ("str", "", ">5", "=     "),
        ("str", "", ".", "!ValueError: Format specifier missing precision"),
        ("str", "", "*<7", "=*******"),
        ("str", "", "<8.3s", "=        "),
        ("str", "", "#", "!ValueError: Alternate form (#) not allowed in string format specifier"),
        ("str", "", "\u{e9}>4", "=\u{e9}\u{e9}\u{e9}\u{e9}"),
        ("str", "", "05", "=00000"),
        ("str", "", "*^7", "=*******"),
        ("str", "", "r", "!ValueError: Unknown format code 'r' for object of type 'str'"),
        ("str", "a", "r", "!ValueError: Unknown format code 'r' for object of type 'str'"),
        ("str", "a", "^5", "=  a  "),
        ("str", "a", "05", "=a0000"),
        ("str", "a", "d", "!ValueError: Unknown format code 'd' for object of type 'str'"),
        ("str", "a", ".2", "=a"),
        ("str", "a", "=5", "!ValueError: '=' alignment not allowed in string format specifier"),
        ("str", "a", "0=5", "!ValueError: '=' alignment not allowed in string format specifier"),
        ("str", "a", " ", "!ValueError: Space not allowed in string format specifier"),
        ("str", "a", "0>5", "=0000a"),
        ("str", "a", "", "=a"),
        ("str", "a", "+", "!ValueError: Sign not allowed in string format specifier"),
        ("str", "a", ".0", "="),
        ("str", "a", "z", "!ValueError: Negative zero coercion (z) not allowed in string format specifier"),
        ("str", "a", "*>7", "=******a"),
        ("str", "a", ".", "!ValueError: Format specifier missing precision"),
        ("str", "a", " <5", "=a    "),
        ("str", "a", ",", "!ValueError: Cannot specify ',' with 's'."),
        ("str", "a", ">8.3", "=       a"),
        ("str", "abc", "0>5", "=00abc"),
        ("str", "abc", "\u{e9}>4", "=\u{e9}abc"),
        ("str", "abc", "^6", "= abc  "),
        ("str", "abc", ">", "=abc"),
        ("str", "abc", "-", "!ValueError: Sign not allowed in string format specifier"),
        ("str", "abc", "r", "!ValueError: Unknown format code 'r' for object of type 'str'"),
        ("str", "abc", ",", "!ValueError: Cannot specify ',' with 's'."),
        ("str", "abc", ".", "!ValueError: Format specifier missing precision"),
        ("str", "abc", "=5", "!ValueError: '=' alignment not allowed in string format specifier"),
        ("str", "abc", "#", "!ValueError: Alternate form (#) not allowed in string format specifier"),
        ("str", "abc", "", "=abc"),
        ("str", "abc", "_", "!ValueError: Cannot specify '_' with 's'."),
        ("str", "abc", " ", "!ValueError: Space not allowed in string format specifier"),
        ("str", "abc", "d", "!ValueError: Unknown format code 'd' for object of type 'str'"),
        ("str", "abc", ".2", "=ab"),
        ("str", "abc", ">5", "=  abc"),
        ("str", "abc", "^5", "= abc "),
        ("str", "abc", "+", "!ValueError: Sign not allowed in string format specifier"),
        ("str", "hello world", "+", "!ValueError: Sign not allowed in string format specifier"),
        ("str", "hello world", "_", "!ValueError: Cannot specify '_' with 's'."),
        ("str", "hello world", " <5", "=hello world"),
        ("str", "hello world", "^5", "=hello world"),
        ("str", "hello world", "10.5", "=hello     "),
        ("str", "hello world", "1x", "!ValueError: Unknown format code 'x' for object of type 'str'"),
        ("str", "hello world", "0=5", "!ValueError: '=' alignment not allowed in string format specifier"),
        ("str", "hello world", "5", "=hello world"),
        ("str", "hello world", ".2", "=he"),
        ("str", "hello world", ".2s", "=he"),
        ("str", "hello world", "#", "!ValueError: Alternate form (#) not allowed in string format specifier"),
        ("str", "hello world", "<5", "=hello world"),
        ("str", "hello world", "x^9", "=hello world"),
        ("str", "hello world", "z", "!ValueError: Negative zero coercion (z) not allowed in string format specifier"),
        ("str", "hello world", ">8.3", "=     hel"),
        ("str", "hello world", "{>4", "=hello world"),
        ("str", "hello world", ",", "!ValueError: Cannot specify ',' with 's'."),
        ("str", "hello world", "=5", "!ValueError: '=' alignment not allowed in string format specifier"),
        ("str", "h\u{e9}llo", ".0", "="),
        ("str", "h\u{e9}llo", "5", "=h\u{e9}llo"),
        ("str", "h\u{e9}llo", ">", "=h\u{e9}llo"),
        ("str", "h\u{e9}llo", " ", "!ValueError: Space not allowed in string format specifier"),
        ("str", "h\u{e9}llo", "<5", "=h\u{e9}llo"),
        ("str", "h\u{e9}llo", "^6", "=h\u{e9}llo "),
        ("str", "h\u{e9}llo", "*<7", "=h\u{e9}llo**"),
        ("str", "h\u{e9}llo", "0>5", "=h\u{e9}llo"),
        ("str", "h\u{e9}llo", "d", "!ValueError: Unknown format code 'd' for object of type 'str'"),
        ("str", "h\u{e9}llo", "#", "!ValueError: Alternate form (#) not allowed in string format specifier"),
        ("str", "h\u{e9}llo", "r", "!ValueError: Unknown format code 'r' for object of type 'str'"),
        ("str", "h\u{e9}llo", "+", "!ValueError: Sign not allowed in string format specifier"),
        ("str", "h\u{e9}llo", "z", "!ValueError: Negative zero coercion (z) not allowed in string format specifier"),
        ("str", "h\u{e9}llo", "\u{e9}>4", "=h\u{e9}llo"),
        ("str", "h\u{e9}llo", " <5", "=h\u{e9}llo"),
        ("str", "h\u{e9}llo", "-", "!ValueError: Sign not allowed in string format specifier"),
        ("str", "h\u{e9}llo", ",", "!ValueError: Cannot specify ',' with 's'."),
        ("str", "h\u{e9}llo", "{>4", "=h\u{e9}llo"),
        ("str", "\u{65e5}\u{672c}\u{8a9e}", "_", "!ValueError: Cannot specify '_' with 's'."),
        ("str", "\u{65e5}\u{672c}\u{8a9e}", "*^7", "=**\u{65e5}\u{672c}\u{8a9e}**"),
        ("str", "\u{65e5}\u{672c}\u{8a9e}", "z", "!ValueError: Negative zero coercion (z) not allowed in string format specifier"),
        ("str", "\u{65e5}\u{672c}\u{8a9e}", ",", "!ValueError: Cannot specify ',' with 's'."),
        ("str", "\u{65e5}\u{672c}\u{8a9e}", "0=5", "!ValueError: '=' alignment not allowed in string format specifier"),
        ("str", "\u{65e5}\u{672c}\u{8a9e}", "-", "!ValueError: Sign not allowed in string format specifier"),
        ("str", "\u{65e5}\u{672c}\u{8a9e}", ">", "=\u{65e5}\u{672c}\u{8a9e}"),
        ("str", "\u{65e5}\u{672c}\u{8a9e}", "5", "=\u{65e5}\u{672c}\u{8a9e}  "),
        ("str", "\u{65e5}\u{672c}\u{8a9e}", "", "=\u{65e5}\u{672c}\u{8a9e}"),
        ("str", "\u{65e5}\u{672c}\u{8a9e}", ".0", "="),
        ("str", "\u{65e5}\u{672c}\u{8a9e}", "d", "!ValueError: Unknown format code 'd' for object of type 'str'"),
        ("str", "\u{65e5}\u{672c}\u{8a9e}", "<8.3s", "=\u{65e5}\u{672c}\u{8a9e}     "),
        ("str", "\u{65e5}\u{672c}\u{8a9e}", "<5", "=\u{65e5}\u{672c}\u{8a9e}  "),
        ("str", "\u{65e5}\u{672c}\u{8a9e}", "1x", "!ValueError: Unknown format code 'x' for object of type 'str'"),
        ("str", "\u{65e5}\u{672c}\u{8a9e}", "r", "!ValueError: Unknown format code 'r' for object of type 'str'"),
        ("str", "\u{65e5}\u{672c}\u{8a9e}", "^6", "= \u{65e5}\u{672c}\u{8a9e}  "),
        ("str", "\u{65e5}\u{672c}\u{8a9e}", "*>7", "=****\u{65e5}\u{672c}\u{8a9e}"),
        ("str", "\u{65e5}\u{672c}\u{8a9e}", ".2", "=\u{65e5}\u{672c}"),
        ("str", "tab\there", "s", "=tab\there"),
        ("str", "tab\there", "=5", "!ValueError: '=' alignment not allowed in string format specifier"),
        ("str", "tab\there", "z", "!ValueError: Negative zero coercion (z) not allowed in string format specifier"),
        ("str", "tab\there", "", "=tab\there"),
        ("str", "tab\there", "10.5", "=tab\th     "),
        ("str", "tab\there", ">8.3", "=     tab"),
        ("str", "tab\there", "x^9", "=tab\therex"),
        ("str", "tab\there", ".", "!ValueError: Format specifier missing precision"),
        ("str", "tab\there", "0>5", "=tab\there"),
        ("str", "tab\there", ",", "!ValueError: Cannot specify ',' with 's'."),
        ("str", "tab\there", "05", "=tab\there"),
        ("str", "tab\there", " <5", "=tab\there"),
        ("str", "tab\there", "r", "!ValueError: Unknown format code 'r' for object of type 'str'"),
        ("str", "tab\there", "<5", "=tab\there"),
        ("str", "tab\there", "5", "=tab\there"),
        ("str", "tab\there", "{>4", "=tab\there"),
        ("str", "tab\there", "0=5", "!ValueError: '=' alignment not allowed in string format specifier"),
        ("str", "tab\there", "#", "!ValueError: Alternate form (#) not allowed in string format specifier"),
        ("str", "xyz", "", "=xyz"),
        ("str", "xyz", "s", "=xyz"),
        ("str", "xyz", "5", "=xyz  "),
        ("str", "xyz", "<5", "=xyz  "),
        ("str", "xyz", ">5", "=  xyz"),
        ("str", "xyz", "^5", "= xyz "),
        ("str", "xyz", "^6", "= xyz  "),
        ("str", "xyz", "*<7", "=xyz****"),
        ("str", "xyz", "*>7", "=****xyz"),
        ("str", "xyz", "*^7", "=**xyz**"),
        ("str", "xyz", ".0", "="),
        ("str", "xyz", ".2", "=xy"),
        ("str", "xyz", ".2s", "=xy"),
        ("str", "xyz", ">8.3", "=     xyz"),
        ("str", "xyz", "<8.3s", "=xyz     "),
        ("str", "xyz", "05", "=xyz00"),
        ("str", "xyz", "0>5", "=00xyz"),
        ("str", "xyz", "=5", "!ValueError: '=' alignment not allowed in string format specifier"),
        ("str", "xyz", "0=5", "!ValueError: '=' alignment not allowed in string format specifier"),
        ("str", "xyz", "+", "!ValueError: Sign not allowed in string format specifier"),
        ("str", "xyz", " ", "!ValueError: Space not allowed in string format specifier"),
        ("str", "xyz", "-", "!ValueError: Sign not allowed in string format specifier"),
        ("str", "xyz", "#", "!ValueError: Alternate form (#) not allowed in string format specifier"),
        ("str", "xyz", "z", "!ValueError: Negative zero coercion (z) not allowed in string format specifier"),
        ("str", "xyz", ",", "!ValueError: Cannot specify ',' with 's'."),
        ("str", "xyz", "_", "!ValueError: Cannot specify '_' with 's'."),
        ("str", "xyz", "d", "!ValueError: Unknown format code 'd' for object of type 'str'"),
        ("str", "xyz", "r", "!ValueError: Unknown format code 'r' for object of type 'str'"),
        ("str", "xyz", "10.5", "=xyz       "),
        ("str", "xyz", "x^9", "=xxxxyzxxx"),
        ("str", "xyz", "\u{e9}>4", "=\u{e9}xyz"),
        ("str", "xyz", "{>4", "={xyz"),
        ("str", "xyz", " <5", "=xyz  "),
        ("str", "xyz", ".", "!ValueError: Format specifier missing precision"),
        ("str", "xyz", "1x", "!ValueError: Unknown format code 'x' for object of type 'str'"),
        ("str", "xyz", ">", "=xyz"),
    ];
    const FLOAT_REPRS: &[(u64, &str)] = &[
        (0x3fd3333333333334, "0.30000000000000004"),
        (0x4341c37937e08000, "1e+16"),
        (0x3ee4f8b588e368f1, "1e-05"),
        (0x419d6f3454000000, "123456789.0"),
        (0x3fd5555555555555, "0.3333333333333333"),
        (0x01bac9a7b3b7302f, "2.5e-300"),
        (0x0000000000000001, "5e-324"),
        (0x7fefffffffffffff, "1.7976931348623157e+308"),
        (0x8000000000000000, "-0.0"),
        (0x0000000000000000, "0.0"),
        (0x3ff0000000000000, "1.0"),
        (0x3fb999999999999a, "0.1"),
        (0x3e8421f5f40d8376, "1.5e-07"),
        (0x42dc12218377de40, "123456789012345.0"),
        (0x43118b54f22aeb00, "1234567890123456.0"),
        (0x4345ee2a2eb5a5c4, "1.2345678901234568e+16"),
        (0x430c6bf526340000, "1000000000000000.0"),
        (0x4341c37937e07fff, "9999999999999998.0"),
        (0x3f1a36e2eb1c432d, "0.0001"),
        (0x3ee4f8b588e368f1, "1e-05"),
        (0x3f1a36e2eb1c432d, "0.0001"),
        (0x3ff8000000000000, "1.5"),
        (0xc006000000000000, "-2.75"),
        (0x4059000000000000, "100.0"),
        (0x4480f0cf064dd592, "1e+22"),
        (0x44b52d02c7e14af6, "1e+23"),
        (0x0010000000000000, "2.2250738585072014e-308"),
        (0x000fffffffffffff, "2.225073858507201e-308"),
        (0x0000000000000001, "5e-324"),
        (0x7fe1ccf385ebc8a0, "1e+308"),
        (0x7ff0000000000000, "inf"),
        (0xfff0000000000000, "-inf"),
        (0x7ff8000000000000, "nan"),
        (0x4340000000000000, "9007199254740992.0"),
        (0x4340000000000001, "9007199254740994.0"),
        (0x43e0000000000000, "9.223372036854776e+18"),
        (0x43f0000000000000, "1.8446744073709552e+19"),
        (0x3fd3333333333333, "0.3"),
        (0x3fe5555555555555, "0.6666666666666666"),
        (0x3ddb7cdfd9d7bdbb, "1e-10"),
        (0x3f0a36e2eb1c432d, "5e-05"),
        (0x400921f9f01b866e, "3.14159"),
        (0x4029000000000000, "12.5"),
        (0x42ea97257f2320b4, "233891771783429.62"),
        (0x43062bc8ad24262a, "780073798239429.2"),
        (0x400c000000000000, "3.5"),
        (0x4008000000000000, "3.0"),
        (0x3e7ad7f29abcaf48, "1e-07"),
        (0x4004000000000000, "2.5"),
        (0x3fd0000000000000, "0.25"),
        (0x4058dc28f5c28f5c, "99.44"),
        (0x0000000000000001, "5e-324"),
        (0x3ff0000000000001, "1.0000000000000002"),
        (0x3fefffffffffffff, "0.9999999999999999"),
        (0xfdec65fe72129737, "-3.714495214539439e+298"),
        (0xd4d495104513e9a4, "-4.501860577151965e+100"),
        (0x0a3bf4d9c097ce13, "2.272823609468156e-259"),
        (0x71bfa79757ad4313, "8.2450657588214865e+239"),
        (0xe06fc89649f9b43a, "-3.409181143433498e+156"),
        (0x0de2512d48ab6a5b, "8.58440385971185e-242"),
        (0x8000000000003eaf, "-7.9283e-320"),
        (0x3a5e6d512d2b656c, "1.5361719337488822e-27"),
        (0xc126f1b509000000, "-751834.517578125"),
        (0xc18061d9ca800000, "-34356025.3125"),
        (0x410652041e000000, "182848.5146484375"),
        (0x046523419cb09d6f, "1.7352109853829868e-287"),
        (0x939d412c25d6e155, "-3.3945089787853867e-214"),
        (0x4124b91c2e000000, "679054.08984375"),
        (0x4109cdf7d1000000, "211390.97705078125"),
        (0xc147c50c3f800000, "-3115544.49609375"),
        (0xc15d1a94cd000000, "-7629395.203125"),
        (0x907f6085a8f5fe23, "-3.2336668688532436e-229"),
        (0x2d90fe01606c0351, "3.3366535895080385e-89"),
        (0x8ab30e64816c6887, "-3.966071090749934e-257"),
        (0x414aec35df000000, "3528811.7421875"),
        (0x9156ee7ad0b3805f, "-3.8720136601097657e-225"),
        (0xf935ba044518a4f8, "-7.522260464058737e+275"),
        (0x78a4d89ff9eda1e9, "1.4096548766383444e+273"),
        (0xc119b93f64000000, "-421455.84765625"),
        (0x2b2336c102bcdfd6, "6.862882987564582e-101"),
        (0x41259ce07f800000, "708208.2490234375"),
        (0xc125d07d8e000000, "-714814.77734375"),
        (0x416676df8b800000, "11777788.359375"),
        (0xc1354f58f0000000, "-1396568.9375"),
        (0x4116614aa4000000, "366674.66015625"),
        (0x413aedd55a000000, "1764821.3515625"),
        (0xc13a6f6496800000, "-1732452.587890625"),
        (0x4cc7fb5fb069652b, "7.707494768728984e+61"),
        (0xd5afe54494ded5df, "-5.715036199951426e+104"),
        (0x1d629c5ecc1576f7, "3.9450994780685125e-167"),
        (0x411e76b5df000000, "499117.4677734375"),
        (0x416c5be61b000000, "14868272.84375"),
        (0x7d2b583247f688a0, "8.732046356795639e+294"),
        (0x7a6381d6a39f0089, "3.540955634022693e+281"),
        (0x14acce32531c65aa, "4.380944664911975e-209"),
        (0xd7f2f120103a5dad, "-4.664679273774332e+115"),
        (0x97bfbd488e9ee0a2, "-2.717448757465726e-194"),
        (0xc1b30dfc92000000, "-319683730.0"),
        (0x41b3af6e6c000000, "330264172.0"),
        (0xedc47b8862f5b39c, "-5.784300666875615e+220"),
        (0x4191e15d76000000, "74995549.5"),
        (0x41a6ac7c33000000, "190201369.5"),
        (0xc0b7e71740000000, "-6119.0908203125"),
        (0x4102d949fa000000, "154409.2470703125"),
        (0x80002db7f301795f, "-2.4835731027589e-310"),
        (0x24284f8259193081, "1.672350542881176e-134"),
        (0xc9ef7c07d5d7a085, "-1.4379575108233599e+48"),
        (0x0a45b25b53a445af, "3.5278291695335385e-259"),
        (0x610c1cca592d32d5, "3.0877818786133803e+159"),
        (0x0f54715854a95add, "8.03679322649895e-235"),
        (0x413c151a44000000, "1840410.265625"),
        (0xddfc34c89d5bc427, "-5.503288792716191e+144"),
        (0xed08599017f15aa1, "-1.6788166565131776e+217"),
        (0x4128e2ded3000000, "815471.412109375"),
        (0xa5d50081e4631cfd, "-1.9391085070687985e-126"),
        (0xe3d057c40ef00e3b, "-6.315750049285933e+172"),
        (0x4174dfe7df000000, "21888637.9375"),
        (0x5e3655e198d50611, "6.972573229097422e+145"),
        (0x94dc1188e61a856e, "-3.4150898834130587e-208"),
        (0xa2810beaaab18a92, "-1.7473847575882986e-142"),
        (0x45865349dfb32daa, "8.636699897982433e+26"),
        (0x407ab646fdd59ffc, "427.39233191916696"),
        (0xc156546f4d000000, "-5853629.203125"),
        (0x0328380e05945bb3, "1.896050049688914e-293"),
        (0xf9f5aa2287e83cdc, "-3.072320056183389e+279"),
        (0x806d56cc67805730, "-1.3056313513429905e-306"),
        (0x7aa1e64771a08dd3, "5.198613332901041e+282"),
        (0x44f45befbfab26db, "1.5382921453276714e+24"),
        (0x7eda1fca69a3e9a5, "1.1196914485508626e+303"),
        (0x5617ea9df47e7110, "5.485239704336371e+106"),
        (0xc14adc3aef000000, "-3520629.8671875"),
        (0x41761c162d000000, "23183714.8125"),
        (0xefbff24cb52186f2, "-1.9374020620047303e+230"),
        (0xc6f98b5c59cd96b9, "-8.289624573871064e+33"),
        (0x8af45acc5aa57b82, "-6.77810025607259e-256"),
        (0x47a6200df90ca13e, "1.4704726404893664e+37"),
        (0x6c7fb4892eed082a, "4.2694081737998415e+214"),
        (0x4108f1aa36000000, "204341.2763671875"),
        (0x392653611c47e6cc, "2.1498867597980434e-33"),
        (0xfc807945cdfbd11c, "-5.137330810357423e+291"),
        (0xc139f7d740800000, "-1701847.251953125"),
        (0xc25388088de1c660, "-335546562439.0996"),
        (0x5d5b30b2745cead7, "5.180727492292714e+141"),
        (0x4cb020417f41c9f6, "2.591348194783663e+61"),
        (0x7620a4d4ec526126, "1.0236245096022587e+261"),
        (0x2430261ec34c9cff, "2.221800567941084e-134"),
        (0x416e057710000000, "15739832.5"),
        (0xf78447d05937e780, "-5.23148893286351e+267"),
        (0xa97901e58e716e52, "-6.655033952330221e-109"),
        (0x95e71bb5a186e8e4, "-3.685189363765964e-203"),
        (0xc188f697eb000000, "-52351741.375"),
        (0x13b22a9a840a3fab, "8.431647528583574e-214"),
        (0x104b83e78bae1948, "3.54459661272986e-230"),
        (0xf677bcd591a63f5c, "-4.671686187559527e+262"),
        (0x72f53d6875017794, "5.801074441164132e+245"),
        (0x4115413bb4000000, "348238.92578125"),
        (0xdf292ba14f69d796, "-2.574770301394994e+150"),
        (0xc1b28c7ff7000000, "-311197687.0"),
        (0x3df70800e1233104, "3.3514899287894843e-10"),
        (0xc1826c7dd1000000, "-38637498.125"),
        (0xc16b7c7136800000, "-14410633.703125"),
        (0x1b8072d877cf9ade, "3.247296130468098e-176"),
        (0x21e6a69cad764874, "2.2674420125806204e-145"),
        (0x0127a6192626e4cf, "4.3106610326730594e-303"),
        (0xc1250473d4000000, "-688697.9140625"),
        (0x105c4e3481430aea, "7.292794538630725e-230"),
        (0x4199a6185d000000, "107578903.25"),
        (0x120cd4b7cb797cbf, "9.969924011802025e-222"),
        (0xae36ccaec9242da9, "-4.584451388767895e-86"),
        (0xdb026ef18e296551, "-2.5554827812420136e+130"),
        (0xc109012be2000000, "-204837.4853515625"),
        (0x6f2830dbc43f19eb, "2.865351679095034e+227"),
        (0x44454b52d888578b, "7.856185282578627e+20"),
        (0xea3d3d44d0453e52, "-5.729602877278446e+203"),
        (0x0dd605fbc34b6ccc, "5.16068470143189e-242"),
        (0xadd78cae3c7ba9b4, "-7.398839147218262e-88"),
        (0x3dfcfb2e7e43a888, "4.217316480969755e-10"),
        (0xef03494a99d151eb, "-5.711044550180518e+226"),
        (0x41b7e4349e000000, "400831646.0"),
        (0x0e255e1ec7418b82, "1.602250366682887e-240"),
        (0xc0e838d840000000, "-49606.7578125"),
        (0xc1212266ce000000, "-561459.40234375"),
        (0x41c61e2dd4800000, "742153129.0"),
        (0xc7d8fa57109b4892, "-1.3280524799526286e+38"),
        (0x80fb4653a54c55ce, "-6.2144770811820654e-304"),
        (0x6f6424cc88dd94fe, "3.8175695843887915e+228"),
        (0x886bcdb38bbc3ebd, "-4.210306071857046e-268"),
        (0xc0fbdaaadc000000, "-114090.6787109375"),
        (0x4e87146ab704fb6b, "1.9911325412785284e+70"),
        (0x410eb0c794000000, "251416.947265625"),
        (0x25b2721557861637, "4.257704566080821e-127"),
        (0xc1344318a0000000, "-1327896.625"),
        (0xf55434bc19db8b85, "-1.5169684895852376e+257"),
        (0x5f83423c96f5dc16, "1.2608273779701358e+152"),
    ];
    const FLOAT_TYPE_CASES: &[(u64, char, usize, bool, &str)] = &[
        (0x3ff8000000000000, 'F', 10, true, "1.5000000000"),
        (0x3bbda027d0effcf4, 'g', 20, true, "6.2734664185600248586e-21"),
        (0xbb1ef6d0d98f79ef, 'G', 3, false, "-6.4E-24"),
        (0x41010255d0890750, 'f', 10, true, "139338.7268238612"),
        (0x3fd8000000000000, 'F', 17, false, "0.37500000000000000"),
        (0x4004000000000000, 'f', 20, true, "2.50000000000000000000"),
        (0x3fd8000000000000, 'E', 6, false, "3.750000E-01"),
        (0x7ff8000000000000, 'F', 20, false, "NAN"),
        (0x3fc0000000000000, 'F', 3, false, "0.125"),
        (0x8000000000000000, 'e', 3, true, "-0.000e+00"),
        (0x3fd8000000000000, 'G', 3, false, "0.375"),
        (0x3ff8000000000000, 'f', 3, true, "1.500"),
        (0x3fc0000000000000, 'F', 1, false, "0.1"),
        (0x7e37e43c8800759c, 'f', 1, false, "1000000000000000052504760255204420248704468581108159154915854115511802457988908195786371375080447864043704443832883878176942523235360430575644792184786706982848387200926575803737830233794788090059368953234970799945081119038967640880074652742780142494579258788820056842838115669472196386865459400540160.0"),
        (0x7ff8000000000000, 'E', 0, false, "NAN"),
        (0xc4333bfe8dd738c5, 'f', 1, true, "-354811186048313655296.0"),
        (0x8000000000000000, 'f', 3, false, "-0.000"),
        (0x7e37e43c8800759c, 'g', 2, true, "1.0e+300"),
        (0xc0f9a00200000000, 'e', 20, false, "-1.04960125000000000000e+05"),
        (0x44d4a2af47a3d12e, 'E', 20, false, "3.89793329764530602902E+23"),
        (0x0000000000000000, 'f', 17, false, "0.00000000000000000"),
        (0x3ff8000000000000, 'E', 6, false, "1.500000E+00"),
        (0x3fe0000000000000, 'F', 17, true, "0.50000000000000000"),
        (0x7e37e43c8800759c, 'E', 3, false, "1.000E+300"),
        (0x7ff8000000000000, 'E', 3, false, "NAN"),
        (0x7ff8000000000000, 'e', 20, false, "nan"),
        (0xbaba5d03caad96ef, 'G', 1, true, "-9.E-26"),
        (0x7ff0000000000000, 'g', 20, true, "inf"),
        (0x3fc0000000000000, 'f', 0, false, "0"),
        (0x7ff8000000000000, 'E', 20, true, "NAN"),
        (0x3ff8000000000000, 'f', 0, true, "2."),
        (0x7ff0000000000000, 'F', 0, false, "INF"),
        (0x4004000000000000, 'e', 10, false, "2.5000000000e+00"),
        (0x7e37e43c8800759c, 'e', 6, false, "1.000000e+300"),
        (0x8000000000000000, 'g', 1, false, "-0"),
        (0x3fc0000000000000, 'E', 2, true, "1.25E-01"),
        (0xc127066c8cd84b8f, 'G', 1, false, "-8E+05"),
        (0x0000000000000001, 'g', 0, true, "5.e-324"),
        (0x7ff8000000000000, 'f', 17, false, "nan"),
        (0x0000000000000000, 'F', 3, true, "0.000"),
        (0x3fd8000000000000, 'f', 3, true, "0.375"),
        (0x7ff8000000000000, 'f', 1, false, "nan"),
        (0x40f51ba9bd500e80, 'g', 10, false, "86458.60872"),
        (0x3fe0000000000000, 'f', 6, false, "0.500000"),
        (0x3fd8000000000000, 'E', 6, false, "3.750000E-01"),
        (0x7e37e43c8800759c, 'F', 20, true, "1000000000000000052504760255204420248704468581108159154915854115511802457988908195786371375080447864043704443832883878176942523235360430575644792184786706982848387200926575803737830233794788090059368953234970799945081119038967640880074652742780142494579258788820056842838115669472196386865459400540160.00000000000000000000"),
        (0x7ff8000000000000, 'E', 20, false, "NAN"),
        (0x3fd8000000000000, 'e', 10, false, "3.7500000000e-01"),
        (0x0000000000000000, 'g', 20, true, "0.0000000000000000000"),
        (0x7e37e43c8800759c, 'G', 6, true, "1.00000E+300"),
        (0x0000000000000001, 'G', 6, false, "4.94066E-324"),
        (0x4004000000000000, 'G', 1, false, "2"),
        (0x0000000000000001, 'g', 0, false, "5e-324"),
        (0x3ff8000000000000, 'e', 3, false, "1.500e+00"),
        (0x3fe0000000000000, 'G', 1, true, "0.5"),
        (0xc0cec95000000000, 'E', 10, false, "-1.5762625000E+04"),
        (0x3fe0000000000000, 'E', 10, false, "5.0000000000E-01"),
        (0x7ff0000000000000, 'F', 3, false, "INF"),
        (0x4004000000000000, 'G', 0, false, "2"),
        (0x4004000000000000, 'E', 0, false, "2E+00"),
        (0x3ff8000000000000, 'e', 0, false, "2e+00"),
        (0x8000000000000000, 'g', 2, true, "-0.0"),
        (0xc1142113e2edba2c, 'G', 20, false, "-329796.97160998242907"),
        (0x40e99dd000000000, 'e', 0, true, "5.e+04"),
        (0x3ff8000000000000, 'F', 2, true, "1.50"),
        (0x7ff8000000000000, 'F', 10, false, "NAN"),
        (0x8000000000000000, 'E', 2, false, "-0.00E+00"),
        (0x3fc0000000000000, 'f', 3, true, "0.125"),
        (0xc118f9b159af35e6, 'E', 6, true, "-4.091963E+05"),
        (0xba40838902e27dc7, 'F', 0, false, "-0"),
        (0x8000000000000000, 'G', 1, false, "-0"),
        (0x7e37e43c8800759c, 'e', 6, false, "1.000000e+300"),
        (0x4004000000000000, 'e', 10, true, "2.5000000000e+00"),
        (0xb9e687590b6860de, 'g', 1, false, "-9e-30"),
        (0xba86531343221809, 'F', 10, true, "-0.0000000000"),
        (0x0000000000000000, 'f', 10, false, "0.0000000000"),
        (0x3fd8000000000000, 'e', 6, true, "3.750000e-01"),
        (0x3fc0000000000000, 'G', 6, false, "0.125"),
        (0x3fd8000000000000, 'f', 3, false, "0.375"),
        (0x3fd8000000000000, 'F', 1, true, "0.4"),
        (0x3ff8000000000000, 'F', 10, false, "1.5000000000"),
        (0x3fd8000000000000, 'e', 3, false, "3.750e-01"),
        (0x41251067d652f84e, 'g', 0, false, "7e+05"),
        (0x3fc0000000000000, 'e', 3, false, "1.250e-01"),
        (0x8000000000000000, 'F', 20, false, "-0.00000000000000000000"),
        (0x0000000000000001, 'g', 3, true, "4.94e-324"),
        (0x3fd8000000000000, 'E', 20, true, "3.75000000000000000000E-01"),
        (0xc0e68d0d78ecc370, 'E', 2, false, "-4.62E+04"),
        (0xc0f1cdfe00000000, 'f', 6, false, "-72927.875000"),
        (0x0000000000000000, 'g', 2, true, "0.0"),
        (0x7ff8000000000000, 'e', 1, false, "nan"),
        (0x7ff8000000000000, 'f', 1, true, "nan"),
        (0x3fd8000000000000, 'e', 1, false, "3.8e-01"),
        (0xc120bd6a7ae4c413, 'g', 17, false, "-548533.24002659542"),
        (0x3fd8000000000000, 'E', 10, true, "3.7500000000E-01"),
        (0x7ff8000000000000, 'f', 2, false, "nan"),
        (0x0000000000000000, 'g', 17, false, "0"),
        (0x4004000000000000, 'e', 20, false, "2.50000000000000000000e+00"),
        (0x3fd8000000000000, 'F', 20, true, "0.37500000000000000000"),
        (0x3fd8000000000000, 'E', 2, false, "3.75E-01"),
        (0xc12aea15a03f8ed9, 'g', 17, true, "-881930.81298490905"),
        (0x0000000000000000, 'g', 1, false, "0"),
        (0x3ff8000000000000, 'g', 3, false, "1.5"),
        (0xc3fd30af550ea4b6, 'f', 3, true, "-33653980893356449792.000"),
        (0x3fe0000000000000, 'G', 10, false, "0.5"),
        (0x8000000000000000, 'f', 6, false, "-0.000000"),
        (0x3fc0000000000000, 'f', 17, false, "0.12500000000000000"),
        (0x0000000000000001, 'f', 6, false, "0.000000"),
        (0xc07c40c54cb8b000, 'F', 0, true, "-452."),
        (0xc3f83fad2305648d, 'G', 6, false, "-2.79569E+19"),
        (0x3fc0000000000000, 'E', 6, false, "1.250000E-01"),
        (0x0000000000000001, 'e', 6, false, "4.940656e-324"),
        (0x7e37e43c8800759c, 'f', 6, false, "1000000000000000052504760255204420248704468581108159154915854115511802457988908195786371375080447864043704443832883878176942523235360430575644792184786706982848387200926575803737830233794788090059368953234970799945081119038967640880074652742780142494579258788820056842838115669472196386865459400540160.000000"),
        (0x7e37e43c8800759c, 'G', 1, false, "1E+300"),
        (0x3ff8000000000000, 'g', 10, false, "1.5"),
        (0x3fd8000000000000, 'f', 1, true, "0.4"),
        (0xc0f4080600000000, 'G', 6, true, "-82048.4"),
        (0x7ff8000000000000, 'f', 17, false, "nan"),
        (0x4120bbdfc224a0f2, 'F', 6, false, "548335.879186"),
        (0x3fd8000000000000, 'F', 2, false, "0.38"),
        (0x3ff8000000000000, 'F', 17, false, "1.50000000000000000"),
        (0xc0fdf44c00000000, 'g', 1, true, "-1.e+05"),
        (0x4004000000000000, 'g', 2, true, "2.5"),
        (0x3ff8000000000000, 'G', 0, false, "2"),
        (0x0000000000000001, 'G', 0, false, "5E-324"),
        (0x3fc0000000000000, 'F', 3, false, "0.125"),
        (0x7ff8000000000000, 'e', 6, false, "nan"),
        (0x7ff8000000000000, 'F', 2, false, "NAN"),
        (0xc0f010bc00000000, 'G', 2, false, "-6.6E+04"),
        (0xc19306b90ac65ae6, 'g', 0, false, "-8e+07"),
        (0x3ff8000000000000, 'E', 17, false, "1.50000000000000000E+00"),
        (0x0000000000000000, 'F', 17, false, "0.00000000000000000"),
        (0x7e37e43c8800759c, 'G', 6, false, "1E+300"),
        (0x7ff8000000000000, 'F', 2, false, "NAN"),
        (0xbf0d414348ec8227, 'F', 20, true, "-0.00005579935633748630"),
        (0x7ff8000000000000, 'g', 6, true, "nan"),
        (0x3fd8000000000000, 'G', 20, true, "0.37500000000000000000"),
        (0x3c9501b1b2ac0d7d, 'g', 0, false, "7e-17"),
        (0x7e37e43c8800759c, 'G', 17, false, "1.0000000000000001E+300"),
        (0x7e37e43c8800759c, 'F', 1, false, "1000000000000000052504760255204420248704468581108159154915854115511802457988908195786371375080447864043704443832883878176942523235360430575644792184786706982848387200926575803737830233794788090059368953234970799945081119038967640880074652742780142494579258788820056842838115669472196386865459400540160.0"),
        (0x3fd8000000000000, 'g', 20, false, "0.375"),
        (0xbdd46ff2aaf795c2, 'E', 2, false, "-7.44E-11"),
        (0x0000000000000000, 'f', 1, false, "0.0"),
        (0x0000000000000000, 'F', 17, false, "0.00000000000000000"),
        (0x4004000000000000, 'F', 10, false, "2.5000000000"),
        (0x8000000000000000, 'F', 2, false, "-0.00"),
        (0x40f107a600000000, 'g', 6, false, "69754.4"),
        (0x3fe0000000000000, 'E', 1, false, "5.0E-01"),
        (0x4004000000000000, 'E', 2, true, "2.50E+00"),
        (0x7ff8000000000000, 'E', 0, false, "NAN"),
        (0x7ff8000000000000, 'F', 20, false, "NAN"),
        (0xc12627549e0c528e, 'G', 10, false, "-725930.3087"),
        (0x3fc0000000000000, 'F', 3, false, "0.125"),
        (0x4004000000000000, 'g', 2, false, "2.5"),
        (0x3fe0000000000000, 'f', 1, true, "0.5"),
        (0x4004000000000000, 'e', 0, false, "2e+00"),
        (0x3ff8000000000000, 'F', 0, true, "2."),
        (0x7ff0000000000000, 'E', 20, false, "INF"),
        (0x4004000000000000, 'g', 2, false, "2.5"),
        (0x41214a43a8ef3db0, 'G', 17, false, "566561.82995026372"),
    ];
    const PERCENT_CASES: &[(&str, &[&str], &str)] = &[
        (
            "%d %i %s %r",
            &["i:42", "i:-7", "s:str", "s:repr"],
            "=42 -7 str 'repr'",
        ),
        (
            "%5d|%-5d|%05d|%+d",
            &["i:42", "i:42", "i:42", "i:42"],
            "=   42|42   |00042|+42",
        ),
        (
            "%.2f %8.3f %-8.1f| %e %g",
            &["f:3.14159", "f:2.5", "f:2.5", "f:1234.5", "f:0.0001"],
            "=3.14    2.500 2.5     | 1.234500e+03 0.0001",
        ),
        (
            "%x %X %o %#x %#o",
            &["i:255", "i:255", "i:8", "i:255", "i:8"],
            "=ff FF 10 0xff 0o10",
        ),
        ("%s%%", &["i:50"], "=50%"),
        ("%c", &["i:65"], "=A"),
        ("%s", &["s:[1, 2]"], "=[1, 2]"),
        ("%s", &["s:None"], "=None"),
        (
            "%(name)s is %(age)d",
            &["name=s:Bob", "age=i:30"],
            "=Bob is 30",
        ),
        (
            "%10s|%-10s|",
            &["s:right", "s:left"],
            "=     right|left      |",
        ),
        ("%.3s", &["s:abcdef"], "=abc"),
        ("%5.1f%%", &["f:99.44"], "= 99.4%"),
        ("<%-01.3e>", &["f:1.5"], "=<1.500e+00>"),
        ("<% 1.*o>", &["i:-2", "i:-255"], "=<-377>"),
        ("<%-0*.8G>", &["i:9", "f:-0.0"], "=<-0       >"),
        ("<%+01.1F>", &["f:0.000123"], "=<+0.0>"),
        ("<%#01.*F>", &["i:2", "i:-12"], "=<-12.00>"),
        ("<%0-+ #1.e>", &["f:1e+22"], "=<+1.e+22>"),
        ("<%+*.0g>", &["i:-8", "f:0.000123"], "=<+0.0001 >"),
        ("<%-#.1f>", &["f:1e-07"], "=<0.0>"),
        ("<%5.3e>", &["f:0.0"], "=<0.000e+00>"),
        ("<% 5.3e>", &["f:-0.0"], "=<-0.000e+00>"),
        ("<% 01.3E>", &["f:1e+22"], "=< 1.000E+22>"),
        ("<%#1.d>", &["i:-7"], "=<-7>"),
        ("<%- 12.3G>", &["f:1.5"], "=< 1.5        >"),
        ("<%-#1f>", &["f:-0.0"], "=<-0.000000>"),
        (
            "<%+12.8d>",
            &["i:-1180591620717411303424"],
            "=<-1180591620717411303424>",
        ),
        ("<%-0.i>", &["i:-255"], "=<-255>"),
        ("<%12.0F>", &["f:1.5"], "=<           2>"),
        ("<%-01.*f>", &["i:-2", "f:nan"], "=<nan>"),
        (
            "<%+05.3o>",
            &["i:-1180591620717411303424"],
            "=<-200000000000000000000000>",
        ),
        ("<%- 1.0r>", &["i:12"], "=< >"),
        ("<%1.8E>", &["i:-12"], "=<-1.20000000E+01>"),
        ("<%#01.3G>", &["f:123456.789"], "=<1.23E+05>"),
        ("<%-.i>", &["i:-255"], "=<-255>"),
        ("<%+12.u>", &["i:255"], "=<        +255>"),
        ("<% 05.*c>", &["i:5", "i:65"], "=<    A>"),
        ("<%0.*r>", &["i:2", "s:a"], "=<'a>"),
        ("<%-*.0g>", &["i:-8", "f:-inf"], "=<-inf    >"),
        ("<%5.r>", &["s:hello world"], "=<     >"),
        ("<%#12.1e>", &["f:123456.789"], "=<     1.2e+05>"),
        ("<%#*r>", &["i:-1", "s:"], "=<''>"),
        ("<%#12.*c>", &["i:5", "i:65"], "=<           A>"),
        ("<%0-+ #1.8x>", &["i:-255"], "=<-0x000000ff>"),
        ("<%0-+ #5.i>", &["i:255"], "=<+255 >"),
        ("<%012.*e>", &["i:-2", "f:1e+22"], "=<00000001e+22>"),
        ("<%0.3e>", &["f:3.14159"], "=<3.142e+00>"),
        ("<%-#5.*c>", &["i:5", "s:z"], "=<z    >"),
        (
            "<%012.0u>",
            &["i:-1180591620717411303424"],
            "=<-1180591620717411303424>",
        ),
        ("<%0-+ #*.g>", &["i:0", "f:123456.789"], "=<+1.e+05>"),
        ("<%-#*.*g>", &["i:9", "i:5", "f:-2.5"], "=<-2.5000  >"),
        ("<%#1.0e>", &["f:0.0"], "=<0.e+00>"),
        ("<%#5.*g>", &["i:0", "f:nan"], "=<  nan>"),
        ("<%+5.8g>", &["f:123456.789"], "=<+123456.79>"),
        ("<%- 1.1G>", &["i:-12"], "=<-1E+01>"),
        ("<%#12r>", &["s:"], "=<          ''>"),
        ("<% 01f>", &["f:inf"], "=< inf>"),
        ("<%-#1.3x>", &["i:65"], "=<0x041>"),
        ("<% 5.8c>", &["s:z"], "=<    z>"),
        ("<%+0*.3e>", &["i:9", "i:3"], "=<+3.000e+00>"),
        ("<%0-+ #*.*g>", &["i:0", "i:0", "f:0.000123"], "=<+0.0001>"),
        ("<%-5d>", &["f:-3.5"], "=<-3   >"),
        ("<%12.0d>", &["i:123456789"], "=<   123456789>"),
        ("<%-#*.3f>", &["i:0", "f:-2.5"], "=<-2.500>"),
        ("<%-12.1s>", &["f:2.5"], "=<2           >"),
        ("<%012.0u>", &["i:-7"], "=<-00000000007>"),
        ("<%+12.*c>", &["i:5", "i:945"], "=<           \u{3b1}>"),
        ("<%+#01.0f>", &["f:3.14159"], "=<+3.>"),
        (
            "<%012.3o>",
            &["i:-1180591620717411303424"],
            "=<-200000000000000000000000>",
        ),
        ("<%0-+ #12.3u>", &["i:65"], "=<+065        >"),
        ("<%+.3g>", &["f:-2.5"], "=<-2.5>"),
        ("<% 0E>", &["f:1e-07"], "=< 1.000000E-07>"),
        ("<%+0.0s>", &["i:12"], "=<>"),
        ("<%*.8G>", &["i:9", "f:3.14159"], "=<  3.14159>"),
        ("<%*.0g>", &["i:3", "f:3.14159"], "=<  3>"),
        ("<%+*u>", &["i:3", "i:0"], "=< +0>"),
        ("<%#*.d>", &["i:9", "i:-255"], "=<     -255>"),
        (
            "<%0-+ #12u>",
            &["i:-1180591620717411303424"],
            "=<-1180591620717411303424>",
        ),
        ("<%- 1o>", &["i:65"], "=< 101>"),
        ("<%05.8u>", &["i:123456789"], "=<123456789>"),
        ("<% 01.*i>", &["i:0", "i:123456789"], "=< 123456789>"),
        ("<%0-+ #*g>", &["i:-8", "f:0.000123"], "=<+0.000123000>"),
        ("<%0-+ #1.u>", &["f:2.75"], "=<+2>"),
        ("<%*.8i>", &["i:3", "i:-7"], "=<-00000007>"),
        ("<%0-+ #1.3X>", &["i:-7"], "=<-0X007>"),
        (
            "<%- .0X>",
            &["i:-1180591620717411303424"],
            "=<-400000000000000000>",
        ),
        ("<%01.8o>", &["i:7"], "=<00000007>"),
        ("<%+0*.8u>", &["i:-8", "i:255"], "=<+00000255>"),
        ("<%-#.*e>", &["i:0", "f:-inf"], "=<-inf>"),
        ("<%+#0*.*E>", &["i:-8", "i:0", "i:-12"], "=<-1.E+01 >"),
        ("<%- 12.0u>", &["i:-255"], "=<-255        >"),
        (
            "<%#0.3X>",
            &["i:-1180591620717411303424"],
            "=<-0X400000000000000000>",
        ),
        ("<%01.d>", &["i:0"], "=<0>"),
        ("<%0*.0c>", &["i:0", "i:65"], "=<A>"),
        ("<%-0E>", &["f:1e-07"], "=<1.000000E-07>"),
        ("<%#05.*u>", &["i:2", "i:123456789"], "=<123456789>"),
        ("<%0-+ #.1s>", &["f:2.5"], "=<2>"),
        ("<%#01.3x>", &["i:-7"], "=<-0x007>"),
        ("<%-#.*G>", &["i:2", "f:0.000123"], "=<0.00012>"),
        ("<%-0*.8e>", &["i:-1", "f:1.5"], "=<1.50000000e+00>"),
        ("<%-0.f>", &["f:-2.5"], "=<-2>"),
        ("<%01.*g>", &["i:-2", "f:123456.789"], "=<1e+05>"),
        ("<%#0.*d>", &["i:0", "i:-7"], "=<-7>"),
        ("<%+5c>", &["i:945"], "=<    \u{3b1}>"),
        ("<%#012.u>", &["i:0"], "=<000000000000>"),
        ("<%-#.3c>", &["i:945"], "=<\u{3b1}>"),
        ("<%+0.c>", &["s:z"], "=<z>"),
        ("<%#12.o>", &["i:65"], "=<       0o101>"),
        ("<%#0.0c>", &["s:z"], "=<z>"),
        ("<% *.1u>", &["i:-1", "i:7"], "=< 7>"),
        ("<%#01.*e>", &["i:0", "f:1.5"], "=<2.e+00>"),
        ("<%+#01.E>", &["i:-12"], "=<-1.E+01>"),
        ("<%01.8g>", &["f:inf"], "=<inf>"),
        ("<%- *.*g>", &["i:9", "i:-2", "f:-2.5"], "=<-2       >"),
        (
            "<% 01.8o>",
            &["i:-1180591620717411303424"],
            "=<-200000000000000000000000>",
        ),
        ("<% 0*e>", &["i:-1", "f:3.14159"], "=< 3.141590e+00>"),
        ("<%- *.0X>", &["i:3", "i:255"], "=< FF>"),
        (
            "<%- i>",
            &["i:-1180591620717411303424"],
            "=<-1180591620717411303424>",
        ),
        ("<%#1d>", &["i:-255"], "=<-255>"),
        ("<%05u>", &["f:-3.5"], "=<-0003>"),
        ("<%01.8f>", &["f:1e-07"], "=<0.00000010>"),
        ("<%+5.1i>", &["i:-7"], "=<   -7>"),
        ("<%0*.0G>", &["i:-1", "f:1e+22"], "=<1E+22>"),
        ("<%5.d>", &["i:-7"], "=<   -7>"),
        ("<%-12F>", &["f:1e-07"], "=<0.000000    >"),
        ("<%-01.3X>", &["i:-7"], "=<-007>"),
        ("<%-s>", &["s:a"], "=<a>"),
        ("<% 5.3o>", &["i:-255"], "=< -377>"),
        ("<%-.1s>", &["s:"], "=<>"),
        ("<%-0.8g>", &["i:-12"], "=<-12>"),
        ("<%#12.1G>", &["f:inf"], "=<         INF>"),
        ("<%-0*.8c>", &["i:0", "i:945"], "=<\u{3b1}>"),
        ("<%#.0G>", &["f:inf"], "=<INF>"),
        ("<%-.o>", &["i:-255"], "=<-377>"),
        ("<%#0.0X>", &["i:-255"], "=<-0XFF>"),
        ("<%#01.F>", &["f:1e+22"], "=<10000000000000000000000.>"),
        ("<%+0*g>", &["i:9", "f:0.000123"], "=<+0.000123>"),
        ("<%-12x>", &["i:0"], "=<0           >"),
        ("<%+012.1x>", &["i:123456789"], "=<+000075bcd15>"),
        ("<% *.8f>", &["i:9", "i:-12"], "=<-12.00000000>"),
        ("<%-5.1r>", &["f:2.5"], "=<2    >"),
        ("<%-*.0o>", &["i:3", "i:65"], "=<101>"),
        ("<%#0.8X>", &["i:0"], "=<0X00000000>"),
        ("<%#0.8d>", &["i:-7"], "=<-00000007>"),
        ("<%-01.1r>", &["i:12"], "=<1>"),
        ("<%#0*g>", &["i:-8", "f:-0.0"], "=<-0.00000>"),
        ("<%#1.s>", &["i:12"], "=< >"),
        ("<%-.1g>", &["i:-12"], "=<-1e+01>"),
        ("<%01.*c>", &["i:0", "s:z"], "=<z>"),
        ("<%+12x>", &["i:-255"], "=<         -ff>"),
        ("<%+12.1r>", &["i:12"], "=<           1>"),
        ("<%-5.3i>", &["i:-255"], "=<-255 >"),
        ("<%0-+ #1.*x>", &["i:2", "i:7"], "=<+0x07>"),
        ("<%+#0*.*d>", &["i:-8", "i:2", "i:65"], "=<+65     >"),
        ("<%+5.3e>", &["f:1e+22"], "=<+1.000e+22>"),
        ("<%0-+ #*.0o>", &["i:3", "i:-255"], "=<-0o377>"),
        ("<%01.1f>", &["f:3.14159"], "=<3.1>"),
        ("<% 5.3u>", &["i:-7"], "=< -007>"),
        ("<% 01.3s>", &["s:abc"], "=<abc>"),
        ("<% 0.F>", &["f:inf"], "=< INF>"),
        ("<%- 1.3e>", &["f:0.0"], "=< 0.000e+00>"),
        ("<%+#012.3X>", &["i:7"], "=<+0X000000007>"),
        ("<%-0.1d>", &["i:65"], "=<65>"),
        ("<%-.i>", &["i:7"], "=<7>"),
        ("<% 5.s>", &["s:"], "=<     >"),
        ("<%+#05.8u>", &["i:-255"], "=<-00000255>"),
        ("<%0-+ #*.8u>", &["i:-1", "i:7"], "=<+00000007>"),
        ("<%-5F>", &["i:-12"], "=<-12.000000>"),
        ("<%012.0o>", &["i:0"], "=<000000000000>"),
        ("<%-#5.1E>", &["f:inf"], "=<INF  >"),
        ("<%#1.0F>", &["f:1.5"], "=<2.>"),
        ("<%+#05.8d>", &["f:2.75"], "=<+00000002>"),
        ("<% 1.*g>", &["i:5", "f:0.000123"], "=< 0.000123>"),
        ("<%+*.0E>", &["i:9", "f:1.5"], "=<   +2E+00>"),
        ("<% 0*.0G>", &["i:-8", "f:0.0"], "=< 0      >"),
        ("<%#05.F>", &["f:1.5"], "=<0002.>"),
        ("<%.3e>", &["f:1e-07"], "=<1.000e-07>"),
        ("<% 05.*g>", &["i:2", "f:1.5"], "=< 01.5>"),
        ("<%#.8f>", &["f:inf"], "=<inf>"),
        ("<%5.1x>", &["i:255"], "=<   ff>"),
        ("<%+.g>", &["f:nan"], "=<+nan>"),
        ("<%+012.1i>", &["f:2.75"], "=<+00000000002>"),
        ("<%-05.3f>", &["f:nan"], "=<nan  >"),
        ("<%-05r>", &["s:a"], "=<'a'  >"),
        ("<%#1s>", &["s:abc"], "=<abc>"),
        ("<%-.0g>", &["f:123456.789"], "=<1e+05>"),
        ("<%#01.3X>", &["i:7"], "=<0X007>"),
        ("<%-#5.0F>", &["f:123456.789"], "=<123457.>"),
        ("<%+1.8c>", &["i:65"], "=<A>"),
        ("<%+#0.3x>", &["i:-255"], "=<-0x0ff>"),
        ("<% 12.3u>", &["f:2.75"], "=<         002>"),
        (
            "<%05.1u>",
            &["i:-1180591620717411303424"],
            "=<-1180591620717411303424>",
        ),
        ("<%0-+ #5i>", &["i:65"], "=<+65  >"),
        ("<%+0.1o>", &["i:-255"], "=<-377>"),
        ("<%- *o>", &["i:-1", "i:65"], "=< 101>"),
        ("<%- .0s>", &["s:h\u{e9}llo"], "=<>"),
        ("<%-#5.*u>", &["i:-2", "i:7"], "=<7    >"),
        ("<%0-+ #1.8d>", &["i:0"], "=<+00000000>"),
        ("<% *.*E>", &["i:3", "i:5", "f:nan"], "=< NAN>"),
        ("<%1.8G>", &["f:0.0"], "=<0>"),
        ("<% 1.8F>", &["f:123456.789"], "=< 123456.78900000>"),
        ("<%+*.1u>", &["i:0", "f:-3.5"], "=<-3>"),
        ("<%- .0d>", &["i:0"], "=< 0>"),
        ("<%1.3g>", &["f:123456.789"], "=<1.23e+05>"),
        ("<%#12.*r>", &["i:0", "s:abc"], "=<            >"),
        ("<%#1.8F>", &["f:0.0"], "=<0.00000000>"),
        ("<%#*.*s>", &["i:0", "i:0", "i:12"], "=<>"),
        ("<%-#5.e>", &["f:inf"], "=<inf  >"),
        (
            "<%+0.1x>",
            &["i:-1180591620717411303424"],
            "=<-400000000000000000>",
        ),
        ("<%0*.0G>", &["i:3", "f:0.0"], "=<000>"),
        ("<%+.8f>", &["f:3.14159"], "=<+3.14159000>"),
        ("<%+.o>", &["i:255"], "=<+377>"),
        ("<%05.1x>", &["i:123456789"], "=<75bcd15>"),
        ("<%+5.0e>", &["i:3"], "=<+3e+00>"),
        ("<%1.3u>", &["i:65"], "=<065>"),
        ("<%012.8E>", &["f:1e-07"], "=<1.00000000E-07>"),
        ("<%-#1.0G>", &["f:-inf"], "=<-INF>"),
        (
            "<%+#0*u>",
            &["i:9", "i:-1180591620717411303424"],
            "=<-1180591620717411303424>",
        ),
        ("<%-#*.f>", &["i:3", "f:-2.5"], "=<-2.>"),
        ("<%-12.0f>", &["i:3"], "=<3           >"),
        ("<% 05.0e>", &["f:-2.5"], "=<-2e+00>"),
        ("<%-.G>", &["f:nan"], "=<NAN>"),
        ("<% 12.s>", &["s:a"], "=<            >"),
        ("<%-01.0G>", &["f:-0.0"], "=<-0>"),
        ("<%u>", &["i:65"], "=<65>"),
        ("<% 5.1e>", &["f:1e-07"], "=< 1.0e-07>"),
        ("<%1.8f>", &["f:inf"], "=<inf>"),
        ("<%-0*.*g>", &["i:3", "i:2", "f:3.14159"], "=<3.1>"),
        ("<%+*.G>", &["i:3", "f:-inf"], "=<-INF>"),
        ("<%+#01.1X>", &["i:65"], "=<+0X41>"),
        ("<%+12.8E>", &["f:inf"], "=<        +INF>"),
        ("<%#0*.0E>", &["i:9", "f:1e+22"], "=<0001.E+22>"),
        ("<%+0.1F>", &["f:0.0"], "=<+0.0>"),
        ("<%-#12.c>", &["i:65"], "=<A           >"),
        (
            "<%+0.1X>",
            &["i:-1180591620717411303424"],
            "=<-400000000000000000>",
        ),
        ("<%#.8c>", &["i:65"], "=<A>"),
        (
            "<%- .3u>",
            &["i:-1180591620717411303424"],
            "=<-1180591620717411303424>",
        ),
        ("<%- f>", &["f:1.5"], "=< 1.500000>"),
        ("<%+#01.F>", &["f:-2.5"], "=<-2.>"),
        ("<%- 5s>", &["s:abc"], "=<abc  >"),
        ("<%.*G>", &["i:0", "f:0.0"], "=<0>"),
        ("<% *.o>", &["i:-1", "i:0"], "=< 0>"),
        ("<%+05.1u>", &["i:123456789"], "=<+123456789>"),
        ("<%#5.0r>", &["s:a"], "=<     >"),
        ("<%12x>", &["i:-7"], "=<          -7>"),
        ("<%1.*F>", &["i:5", "i:3"], "=<3.00000>"),
        ("<%- 5.0x>", &["i:-7"], "=<-7   >"),
        ("<%-#12.0G>", &["f:nan"], "=<NAN         >"),
        ("<%- 12.8x>", &["i:65"], "=< 00000041   >"),
        ("<%+0.0d>", &["f:2.75"], "=<+2>"),
        ("<%-5F>", &["f:0.0"], "=<0.000000>"),
        ("<%+#05.8e>", &["f:0.000123"], "=<+1.23000000e-04>"),
        ("<%+5.0d>", &["i:123456789"], "=<+123456789>"),
        ("<%#5.0F>", &["f:0.000123"], "=<   0.>"),
        ("<%012.c>", &["s:z"], "=<           z>"),
        ("<% 5.*r>", &["i:-2", "s:"], "=<     >"),
        ("<%+0.*g>", &["i:-2", "f:nan"], "=<+nan>"),
        ("<%-5.1o>", &["i:123456789"], "=<726746425>"),
        ("<%0-+ #1o>", &["i:-7"], "=<-0o7>"),
        ("<%0*.1f>", &["i:-1", "i:-12"], "=<-12.0>"),
        ("<%5.0g>", &["f:-2.5"], "=<   -2>"),
        ("<%012.8e>", &["i:3"], "=<3.00000000e+00>"),
        ("<%+*.*u>", &["i:-8", "i:-2", "i:-7"], "=<-7      >"),
        ("<%05.1d>", &["i:-7"], "=<-0007>"),
        ("<%+5.8d>", &["i:123456789"], "=<+123456789>"),
        ("<%01.0F>", &["f:-2.5"], "=<-2>"),
        ("<% 5.1d>", &["i:7"], "=<    7>"),
        ("<%#0.*r>", &["i:0", "s:"], "=<>"),
        ("<%#01.0g>", &["f:1e+22"], "=<1.e+22>"),
        ("<%#1.3e>", &["i:-12"], "=<-1.200e+01>"),
        ("<%- 1.r>", &["s:hello world"], "=< >"),
        ("<% 012.0r>", &["s:hello world"], "=<            >"),
        ("<% 12.r>", &["f:2.5"], "=<            >"),
        ("<% 0.8x>", &["i:255"], "=< 000000ff>"),
        ("<%#12.*r>", &["i:0", "s:"], "=<            >"),
        ("<%+#0.f>", &["f:0.0"], "=<+0.>"),
        ("<%012o>", &["i:7"], "=<000000000007>"),
        ("<%+.i>", &["i:7"], "=<+7>"),
        ("<%-i>", &["i:0"], "=<0>"),
        ("<%0-+ #5.*G>", &["i:2", "i:3"], "=<+3.0 >"),
        ("<%+12.1X>", &["i:0"], "=<          +0>"),
        ("<%+12.e>", &["f:inf"], "=<        +inf>"),
        ("<%#.0E>", &["f:1.5"], "=<2.E+00>"),
        ("<%05.3G>", &["f:0.0"], "=<00000>"),
        ("<% 1g>", &["f:inf"], "=< inf>"),
        ("<%#1.3f>", &["f:1e+22"], "=<10000000000000000000000.000>"),
        ("<%0*.1i>", &["i:-1", "i:7"], "=<7>"),
        ("<%+12.*d>", &["i:-2", "i:-7"], "=<          -7>"),
        (
            "<%+1.8o>",
            &["i:-1180591620717411303424"],
            "=<-200000000000000000000000>",
        ),
        ("<%-*.*r>", &["i:0", "i:-2", "f:2.5"], "=<>"),
        ("<% *.*o>", &["i:9", "i:-2", "i:65"], "=<      101>"),
        ("<%#012.3g>", &["f:3.14159"], "=<000000003.14>"),
        ("<%#05.3G>", &["f:1e+22"], "=<1.00E+22>"),
        ("<% 012.3u>", &["i:123456789"], "=< 00123456789>"),
        ("<%- 12.*c>", &["i:0", "s:z"], "=<z           >"),
        ("<%0-+ #.F>", &["f:-0.0"], "=<-0.>"),
        ("<%-#.r>", &["s:h\u{e9}llo"], "=<>"),
        (
            "<%0-+ #*.o>",
            &["i:9", "i:-1180591620717411303424"],
            "=<-0o200000000000000000000000>",
        ),
        ("<%-#5.*s>", &["i:-2", "s:abc"], "=<     >"),
        ("<%+5.3e>", &["f:0.0"], "=<+0.000e+00>"),
        ("<%#01.*i>", &["i:2", "i:123456789"], "=<123456789>"),
        ("<%+12.0u>", &["f:-3.5"], "=<          -3>"),
        ("<%+01.0r>", &["s:abc"], "=< >"),
        ("<% 1.8g>", &["f:3.14159"], "=< 3.14159>"),
        ("<% *.3x>", &["i:9", "i:7"], "=<      007>"),
        ("<%- 12.8G>", &["f:-inf"], "=<-INF        >"),
        ("<%+05.8u>", &["i:-255"], "=<-00000255>"),
        ("<%0-+ #1.E>", &["f:-inf"], "=<-INF>"),
        ("<%- .3x>", &["i:65"], "=< 041>"),
        (
            "<%5x>",
            &["i:-1180591620717411303424"],
            "=<-400000000000000000>",
        ),
        ("<%+*.3s>", &["i:0", "s:h\u{e9}llo"], "=<h\u{e9}l>"),
        ("<%+12.*i>", &["i:0", "f:2.75"], "=<          +2>"),
        ("<% 1.*X>", &["i:-2", "i:7"], "=< 7>"),
        ("<%-*.1E>", &["i:0", "f:nan"], "=<NAN>"),
        ("<%-0*.3f>", &["i:3", "f:0.0"], "=<0.000>"),
        ("<%-12.3F>", &["i:-12"], "=<-12.000     >"),
        ("<%#05.F>", &["f:1e-07"], "=<0000.>"),
        ("<%-.8X>", &["i:7"], "=<00000007>"),
        ("<%+1.8s>", &["s:abc"], "=<abc>"),
        ("<%#01.*c>", &["i:0", "s:z"], "=<z>"),
        ("<%- .0E>", &["f:-2.5"], "=<-2E+00>"),
        ("<%0-+ #12.*e>", &["i:2", "i:-12"], "=<-1.20e+01   >"),
        ("<%1.G>", &["f:-inf"], "=<-INF>"),
        ("<%-12.i>", &["f:2.75"], "=<2           >"),
        ("<%+#0*.e>", &["i:-1", "f:-inf"], "=<-inf>"),
        ("<%0e>", &["f:-0.0"], "=<-0.000000e+00>"),
        ("<%#12.r>", &["s:a"], "=<            >"),
        ("<% 0r>", &["s:hello world"], "=<'hello world'>"),
        ("<% 05.1o>", &["i:255"], "=< 0377>"),
        ("<% 05.3r>", &["s:hello world"], "=<  'he>"),
        ("<%#0*.0c>", &["i:-1", "i:945"], "=<\u{3b1}>"),
        (
            "<%+#01.u>",
            &["i:-1180591620717411303424"],
            "=<-1180591620717411303424>",
        ),
        ("<%+05.0E>", &["f:0.000123"], "=<+1E-04>"),
        ("<%#.3e>", &["f:inf"], "=<inf>"),
        ("<% 12.3d>", &["f:2.75"], "=<         002>"),
        ("<%+012.3d>", &["i:0"], "=<+00000000000>"),
        ("<% .1g>", &["f:-inf"], "=<-inf>"),
        ("<%-#12.1r>", &["s:"], "=<'           >"),
        (
            "<% .o>",
            &["i:-1180591620717411303424"],
            "=<-200000000000000000000000>",
        ),
        (
            "<%+1.0u>",
            &["i:-1180591620717411303424"],
            "=<-1180591620717411303424>",
        ),
        ("<%0-+ #5.8g>", &["f:-0.0"], "=<-0.0000000>"),
        ("<%- *.8F>", &["i:3", "f:0.0"], "=< 0.00000000>"),
        ("<% 12.3s>", &["s:hello world"], "=<         hel>"),
        ("<%- 1c>", &["i:945"], "=<\u{3b1}>"),
        ("<%#1.0f>", &["f:1e-07"], "=<0.>"),
        ("<% 12.0i>", &["i:65"], "=<          65>"),
        ("<%#012.*X>", &["i:0", "i:0"], "=<0X0000000000>"),
        ("<%0-+ #*.3i>", &["i:-8", "f:2.75"], "=<+002    >"),
        ("<%+#05.3c>", &["i:945"], "=<    \u{3b1}>"),
        ("<%.1E>", &["f:1.5"], "=<1.5E+00>"),
        (
            "<%0-+ #5.8u>",
            &["i:-1180591620717411303424"],
            "=<-1180591620717411303424>",
        ),
        ("<%1.8X>", &["i:-255"], "=<-000000FF>"),
        ("<%+0*.3F>", &["i:9", "f:0.000123"], "=<+0000.000>"),
        ("<%1.3e>", &["i:-12"], "=<-1.200e+01>"),
        ("<%+0*.i>", &["i:-1", "i:-7"], "=<-7>"),
        ("<%- 12.0G>", &["f:-0.0"], "=<-0          >"),
        ("<% 0.1E>", &["f:0.000123"], "=< 1.2E-04>"),
        ("<%+#0*.F>", &["i:-8", "i:3"], "=<+3.     >"),
        ("<%+12.f>", &["i:-12"], "=<         -12>"),
        ("<%01.8o>", &["i:-7"], "=<-00000007>"),
        ("<%05.0d>", &["i:65"], "=<00065>"),
        ("<% 12.1s>", &["s:h\u{e9}llo"], "=<           h>"),
        ("<%0-+ #5r>", &["s:h\u{e9}llo"], "=<'h\u{e9}llo'>"),
        ("<%-#.8E>", &["f:1e-07"], "=<1.00000000E-07>"),
        ("<%-#1.0o>", &["i:0"], "=<0o0>"),
        ("<%- 1.1d>", &["f:2.75"], "=< 2>"),
        ("<%#*.1d>", &["i:3", "i:123456789"], "=<123456789>"),
        ("<% .0r>", &["s:h\u{e9}llo"], "=<>"),
        ("<%+*.G>", &["i:-8", "i:3"], "=<+3      >"),
        ("<% 05.1d>", &["i:0"], "=< 0000>"),
        ("<%+#05.0X>", &["i:-7"], "=<-0X07>"),
        ("<%-1.8G>", &["f:0.0"], "=<0>"),
        (
            "<%-*x>",
            &["i:9", "i:-1180591620717411303424"],
            "=<-400000000000000000>",
        ),
        ("<%-5.3f>", &["f:-0.0"], "=<-0.000>"),
        ("<%0-+ #12.c>", &["i:65"], "=<A           >"),
        ("<%+5.8G>", &["f:-0.0"], "=<   -0>"),
        ("<% 05.*X>", &["i:5", "i:7"], "=< 00007>"),
        (
            "<%0-+ #*.*o>",
            &["i:3", "i:0", "i:123456789"],
            "=<+0o726746425>",
        ),
        ("<%+#0*.3g>", &["i:0", "i:3"], "=<+3.00>"),
        ("<%0-+ #.3E>", &["f:0.0"], "=<+0.000E+00>"),
        ("<%#0u>", &["i:255"], "=<255>"),
        ("<% 012.3X>", &["i:255"], "=< 000000000FF>"),
        ("<%#012.8c>", &["i:945"], "=<           \u{3b1}>"),
        ("<% 12.3u>", &["i:123456789"], "=<   123456789>"),
        ("<%0-+ #12.*x>", &["i:-2", "i:0"], "=<+0x0        >"),
        ("<%5.1F>", &["f:3.14159"], "=<  3.1>"),
        ("<% 5.0c>", &["s:z"], "=<    z>"),
        ("<%+*i>", &["i:-8", "i:123456789"], "=<+123456789>"),
        ("<%#05.3s>", &["f:2.5"], "=<  2.5>"),
        (
            "<%+1.8o>",
            &["i:-1180591620717411303424"],
            "=<-200000000000000000000000>",
        ),
        ("<% .3u>", &["i:0"], "=< 000>"),
        ("<%- .0G>", &["f:0.0"], "=< 0>"),
        ("<%+05.8e>", &["f:1e-07"], "=<+1.00000000e-07>"),
        ("<% 01.*o>", &["i:5", "i:255"], "=< 00377>"),
        ("<%0-+ #*.0G>", &["i:-1", "i:-12"], "=<-1.E+01>"),
        ("<%#i>", &["i:7"], "=<7>"),
        ("<%#0*i>", &["i:3", "i:-7"], "=<-07>"),
        ("<% 0*o>", &["i:9", "i:255"], "=< 00000377>"),
        ("<%+0*.1X>", &["i:-1", "i:-255"], "=<-FF>"),
        ("<% 12.0e>", &["f:123456.789"], "=<       1e+05>"),
        ("<%- 5.0E>", &["f:1e+22"], "=< 1E+22>"),
        ("<%- *.3r>", &["i:9", "s:a"], "=<'a'      >"),
        ("<%+0*.G>", &["i:0", "f:-2.5"], "=<-2>"),
        (
            "<%+#0*.1F>",
            &["i:0", "f:1e+22"],
            "=<+10000000000000000000000.0>",
        ),
        ("<%05.*f>", &["i:2", "f:1e-07"], "=<00.00>"),
        ("<%01.0o>", &["i:7"], "=<7>"),
        ("<%5.1x>", &["i:255"], "=<   ff>"),
        ("<%+0.1s>", &["s:a"], "=<a>"),
        ("<%-12.3e>", &["f:1e+22"], "=<1.000e+22   >"),
        ("<%.3o>", &["i:65"], "=<101>"),
        ("<% 0*.F>", &["i:-8", "f:-0.0"], "=<-0      >"),
        ("<%#12.3d>", &["i:255"], "=<         255>"),
        ("<%01.8F>", &["f:3.14159"], "=<3.14159000>"),
        ("<%#*.*G>", &["i:3", "i:-2", "f:-0.0"], "=<-0.>"),
        ("<%+01.i>", &["f:2.75"], "=<+2>"),
        ("<%-#.o>", &["i:255"], "=<0o377>"),
        ("<%#1.0G>", &["f:1.5"], "=<2.>"),
        ("<%- .0r>", &["s:abc"], "=<>"),
        ("<%-.x>", &["i:123456789"], "=<75bcd15>"),
        ("<%012.8g>", &["f:-2.5"], "=<-000000002.5>"),
        ("<%012.0X>", &["i:7"], "=<000000000007>"),
        ("<%-0.0F>", &["f:-inf"], "=<-INF>"),
        ("<%+0*d>", &["i:0", "i:-7"], "=<-7>"),
        ("<%0-+ #12.1u>", &["i:123456789"], "=<+123456789  >"),
        ("<%-01.1i>", &["i:65"], "=<65>"),
        ("<%#12.3e>", &["i:3"], "=<   3.000e+00>"),
        ("<%-01.3c>", &["i:945"], "=<\u{3b1}>"),
        ("<%-.3x>", &["i:-7"], "=<-007>"),
        ("<%0-+ #5.E>", &["i:3"], "=<+3.E+00>"),
        ("<%+0*.1c>", &["i:-8", "i:65"], "=<A       >"),
        ("<%0F>", &["f:-0.0"], "=<-0.000000>"),
        ("<%.1F>", &["f:123456.789"], "=<123456.8>"),
        ("%", &[], "!ValueError: incomplete format"),
        ("abc%", &[], "!ValueError: incomplete format"),
        ("%5", &["i:1"], "!ValueError: incomplete format"),
        ("%.", &["i:1"], "!ValueError: incomplete format"),
        ("%(a", &["a=i:1"], "!ValueError: incomplete format key"),
        ("%(a)", &["a=i:1"], "!ValueError: incomplete format"),
        ("%(a(b))s", &["a(b)=s:x"], "=x"),
        (
            "%y",
            &["i:1"],
            "!ValueError: unsupported format character 'y' (0x79) at index 1",
        ),
        (
            "ab%5.2q",
            &["i:1"],
            "!ValueError: unsupported format character 'q' (0x71) at index 6",
        ),
        (
            "%\u{e9}",
            &["i:1"],
            "!ValueError: unsupported format character '?' (0xe9) at index 1",
        ),
        (
            "%\u{1f}",
            &["i:1"],
            "!ValueError: unsupported format character '\u{1f}' (0x1f) at index 1",
        ),
        ("%ld %hi %Lf", &["i:1", "i:2", "f:1.5"], "=1 2 1.500000"),
        ("%%%d%%", &["i:5"], "=%5%"),
        (
            "%5%",
            &["i:1"],
            "!ValueError: unsupported format character '%' (0x25) at index 2",
        ),
        ("%-*d|", &["i:-6", "i:42"], "=42    |"),
        ("%*.*f|", &["i:-9", "i:-1", "f:2.5"], "=2        |"),
        ("\u{e9}%s\u{e9}", &["s:x"], "=\u{e9}x\u{e9}"),
        ("%(x)s %(x)r", &["x=s:q"], "=q 'q'"),
        (
            "%#.3x %#.5o %.4X",
            &["i:255", "i:8", "i:171"],
            "=0x0ff 0o00010 00AB",
        ),
        ("%-#8x|", &["i:255"], "=0xff    |"),
        ("%+#08x|", &["i:255"], "=+0x000ff|"),
        ("%#08o|", &["i:-8"], "=-0o00010|"),
        (
            "% 07.2f|%-+9.3e|",
            &["f:3.14159", "f:2.5"],
            "= 003.14|+2.500e+00|",
        ),
        (
            "%05s|%-05d|%05c",
            &["s:ab", "i:42", "i:65"],
            "=   ab|42   |    A",
        ),
        (
            "%.0f %.0f %.0f %.0f",
            &["f:0.5", "f:1.5", "f:2.5", "f:-0.5"],
            "=0 2 2 -0",
        ),
        (
            "%g %g %g %G",
            &["f:1e-05", "f:123456789.0", "f:100000.0", "f:1e-10"],
            "=1e-05 1.23457e+08 100000 1E-10",
        ),
        (
            "%#g %#.0e %#x",
            &["f:1.0", "f:3.0", "i:0"],
            "=1.00000 3.e+00 0x0",
        ),
        ("%3c|%-3c|", &["s:x", "i:9786"], "=  x|\u{263a}  |"),
    ];
    const INT_CASES: &[(&str, u32, &str)] = &[
        ("0", 10, "=0"),
        ("0", 0, "=0"),
        ("5", 10, "=5"),
        ("5", 0, "=5"),
        ("-5", 10, "=-5"),
        ("-5", 0, "=-5"),
        ("+5", 10, "=5"),
        ("+5", 0, "=5"),
        (" 42 ", 10, "=42"),
        (" 42 ", 0, "=42"),
        ("\t\n42\r\u{b}\u{c}", 10, "=42"),
        ("\t\n42\r\u{b}\u{c}", 0, "=42"),
        ("1_000", 10, "=1000"),
        ("1_000", 0, "=1000"),
        ("1__000", 10, "!invalid literal for int() with base 10: '1__000'"),
        ("1__000", 0, "!invalid literal for int() with base 0: '1__000'"),
        ("_1", 10, "!invalid literal for int() with base 10: '_1'"),
        ("_1", 0, "!invalid literal for int() with base 0: '_1'"),
        ("1_", 10, "!invalid literal for int() with base 10: '1_'"),
        ("1_", 0, "!invalid literal for int() with base 0: '1_'"),
        ("", 10, "!invalid literal for int() with base 10: ''"),
        ("", 0, "!invalid literal for int() with base 0: ''"),
        (" ", 10, "!invalid literal for int() with base 10: ' '"),
        (" ", 0, "!invalid literal for int() with base 0: ' '"),
        ("-", 10, "!invalid literal for int() with base 10: '-'"),
        ("-", 0, "!invalid literal for int() with base 0: '-'"),
        ("+", 10, "!invalid literal for int() with base 10: '+'"),
        ("+", 0, "!invalid literal for int() with base 0: '+'"),
        ("+-1", 10, "!invalid literal for int() with base 10: '+-1'"),
        ("+-1", 0, "!invalid literal for int() with base 0: '+-1'"),
        ("0x1f", 10, "!invalid literal for int() with base 10: '0x1f'"),
        ("0x1f", 0, "=31"),
        ("0X1F", 10, "!invalid literal for int() with base 10: '0X1F'"),
        ("0X1F", 0, "=31"),
        ("0o17", 10, "!invalid literal for int() with base 10: '0o17'"),
        ("0o17", 0, "=15"),
        ("0b101", 10, "!invalid literal for int() with base 10: '0b101'"),
        ("0b101", 0, "=5"),
        ("0_0", 10, "=0"),
        ("0_0", 0, "=0"),
        ("00", 10, "=0"),
        ("00", 0, "=0"),
        ("010", 10, "=10"),
        ("010", 0, "!invalid literal for int() with base 0: '010'"),
        ("0x", 10, "!invalid literal for int() with base 10: '0x'"),
        ("0x", 0, "!invalid literal for int() with base 0: '0x'"),
        ("0b", 10, "!invalid literal for int() with base 10: '0b'"),
        ("0b", 0, "!invalid literal for int() with base 0: '0b'"),
        ("0o", 10, "!invalid literal for int() with base 10: '0o'"),
        ("0o", 0, "!invalid literal for int() with base 0: '0o'"),
        ("0x_1f", 10, "!invalid literal for int() with base 10: '0x_1f'"),
        ("0x_1f", 0, "=31"),
        ("0x__1f", 10, "!invalid literal for int() with base 10: '0x__1f'"),
        ("0x__1f", 0, "!invalid literal for int() with base 0: '0x__1f'"),
        ("0b_", 10, "!invalid literal for int() with base 10: '0b_'"),
        ("0b_", 0, "!invalid literal for int() with base 0: '0b_'"),
        ("1e5", 10, "!invalid literal for int() with base 10: '1e5'"),
        ("1e5", 0, "!invalid literal for int() with base 0: '1e5'"),
        ("1.0", 10, "!invalid literal for int() with base 10: '1.0'"),
        ("1.0", 0, "!invalid literal for int() with base 0: '1.0'"),
        ("five", 10, "!invalid literal for int() with base 10: 'five'"),
        ("five", 0, "!invalid literal for int() with base 0: 'five'"),
        ("\u{661}\u{662}\u{663}", 10, "=123"),
        ("\u{661}\u{662}\u{663}", 0, "=123"),
        ("\u{a0} 7\u{2003}", 10, "=7"),
        ("\u{a0} 7\u{2003}", 0, "=7"),
        ("\u{3000}-12\u{3000}", 10, "=-12"),
        ("\u{3000}-12\u{3000}", 0, "=-12"),
        ("1\u{0}", 10, "!invalid literal for int() with base 10: '1\\x00'"),
        ("1\u{0}", 0, "!invalid literal for int() with base 0: '1\\x00'"),
        ("\u{1c}5", 10, "!invalid literal for int() with base 10: '\\x1c5'"),
        ("\u{1c}5", 0, "!invalid literal for int() with base 0: '\\x1c5'"),
        ("12\u{e9}", 10, "!invalid literal for int() with base 10: '12\u{e9}'"),
        ("12\u{e9}", 0, "!invalid literal for int() with base 0: '12\u{e9}'"),
        ("999999999999999999999999999999", 10, "=999999999999999999999999999999"),
        ("999999999999999999999999999999", 0, "=999999999999999999999999999999"),
        ("-9999999999999999999999999999999999999999", 10, "=-9999999999999999999999999999999999999999"),
        ("-9999999999999999999999999999999999999999", 0, "=-9999999999999999999999999999999999999999"),
        ("it's", 10, "!invalid literal for int() with base 10: \"it's\""),
        ("it's", 0, "!invalid literal for int() with base 0: \"it's\""),
        ("\"q\"", 10, "!invalid literal for int() with base 10: '\"q\"'"),
        ("\"q\"", 0, "!invalid literal for int() with base 0: '\"q\"'"),
        ("'\"", 10, "!invalid literal for int() with base 10: '\\'\"'"),
        ("'\"", 0, "!invalid literal for int() with base 0: '\\'\"'"),
        ("back\\slash", 10, "!invalid literal for int() with base 10: 'back\\\\slash'"),
        ("back\\slash", 0, "!invalid literal for int() with base 0: 'back\\\\slash'"),
        ("xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx", 10, "!invalid literal for int() with base 10: 'xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx"),
        ("xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx", 0, "!invalid literal for int() with base 0: 'xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx"),
        ("\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}", 10, "!invalid literal for int() with base 10: '\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}"),
        ("\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}", 0, "!invalid literal for int() with base 0: '\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}"),
        (" 0 ", 10, "=0"),
        (" 0 ", 0, "=0"),
        ("0 0", 10, "!invalid literal for int() with base 10: '0 0'"),
        ("0 0", 0, "!invalid literal for int() with base 0: '0 0'"),
        ("- 5", 10, "!invalid literal for int() with base 10: '- 5'"),
        ("- 5", 0, "!invalid literal for int() with base 0: '- 5'"),
        ("0_b1", 10, "!invalid literal for int() with base 10: '0_b1'"),
        ("0_b1", 0, "!invalid literal for int() with base 0: '0_b1'"),
        ("\u{663}_\u{664}", 10, "=34"),
        ("\u{663}_\u{664}", 0, "=34"),
        ("ff", 16, "=255"),
        ("FF", 16, "=255"),
        ("0xff", 16, "=255"),
        ("0xff", 10, "!invalid literal for int() with base 10: '0xff'"),
        ("0b1", 16, "=177"),
        ("0b1", 2, "=1"),
        ("0o7", 8, "=7"),
        ("777", 8, "=511"),
        ("8", 8, "!invalid literal for int() with base 8: '8'"),
        ("z", 36, "=35"),
        ("Zz", 36, "=1295"),
        ("10", 2, "=2"),
        ("12", 2, "!invalid literal for int() with base 2: '12'"),
        ("1__0", 2, "!invalid literal for int() with base 2: '1__0'"),
        ("1_0", 2, "=2"),
        ("_1", 16, "!invalid literal for int() with base 16: '_1'"),
        ("0x_", 16, "!invalid literal for int() with base 16: '0x_'"),
        ("-0x10", 16, "=-16"),
        ("-0x10", 0, "=-16"),
        ("0o_7", 0, "=7"),
        ("0O7", 0, "=7"),
        ("0B1", 0, "=1"),
        ("09", 0, "!invalid literal for int() with base 0: '09'"),
        ("0_7", 0, "!invalid literal for int() with base 0: '0_7'"),
        ("00_0", 0, "=0"),
        ("0xg", 16, "!invalid literal for int() with base 16: '0xg'"),
        ("g", 17, "=16"),
        ("5", 1, "!int() base must be >= 2 and <= 36, or 0"),
        ("5", 37, "!int() base must be >= 2 and <= 36, or 0"),
    ];
    const FLOAT_CASES: &[(&str, &str)] = &[
        ("0", "=0.0"),
        ("1", "=1.0"),
        ("-1", "=-1.0"),
        ("+1.5", "=1.5"),
        ("1.", "=1.0"),
        (".5", "=0.5"),
        (".", "!could not convert string to float: '.'"),
        ("-.5e3", "=-500.0"),
        ("1e5", "=100000.0"),
        ("1E5", "=100000.0"),
        ("1e+5", "=100000.0"),
        ("1e-5", "=1e-05"),
        ("1e", "!could not convert string to float: '1e'"),
        ("1e+", "!could not convert string to float: '1e+'"),
        ("e5", "!could not convert string to float: 'e5'"),
        ("1.5e", "!could not convert string to float: '1.5e'"),
        (" 1.5 ", "=1.5"),
        ("\t\n-2.5\r", "=-2.5"),
        ("1_000.5", "=1000.5"),
        ("1_000_", "!could not convert string to float: '1_000_'"),
        ("1__0", "!could not convert string to float: '1__0'"),
        ("_1", "!could not convert string to float: '_1'"),
        ("1._5", "!could not convert string to float: '1._5'"),
        ("1_.5", "!could not convert string to float: '1_.5'"),
        ("1.5_e3", "!could not convert string to float: '1.5_e3'"),
        ("1.5e_3", "!could not convert string to float: '1.5e_3'"),
        ("1.5e3_0", "=1.5e+30"),
        ("inf", "=inf"),
        ("-inf", "=-inf"),
        ("+inf", "=inf"),
        ("INF", "=inf"),
        ("Infinity", "=inf"),
        ("-infinity", "=-inf"),
        ("infinit", "!could not convert string to float: 'infinit'"),
        ("infinityy", "!could not convert string to float: 'infinityy'"),
        ("nan", "=nan"),
        ("-nan", "=nan"),
        ("NaN", "=nan"),
        ("+nAn", "=nan"),
        ("nan1", "!could not convert string to float: 'nan1'"),
        ("in f", "!could not convert string to float: 'in f'"),
        ("", "!could not convert string to float: ''"),
        (" ", "!could not convert string to float: ' '"),
        ("abc", "!could not convert string to float: 'abc'"),
        ("1e500", "=inf"),
        ("-1e500", "=-inf"),
        ("1e-400", "=0.0"),
        ("-1e-400", "=-0.0"),
        ("0x10", "!could not convert string to float: '0x10'"),
        ("1,5", "!could not convert string to float: '1,5'"),
        ("1 5", "!could not convert string to float: '1 5'"),
        ("\u{661}.\u{665}", "=1.5"),
        ("\u{a0}1.5\u{2003}", "=1.5"),
        ("\u{1c}1.5", "!could not convert string to float: '\\x1c1.5'"),
        ("1.5\u{0}", "!could not convert string to float: '1.5\\x00'"),
        ("it's", "!could not convert string to float: \"it's\""),
        ("12\u{e9}", "!could not convert string to float: '12\u{e9}'"),
        ("0.1", "=0.1"),
        ("0.30000000000000004", "=0.30000000000000004"),
        ("2.5e-300", "=2.5e-300"),
        ("4.9e-324", "=5e-324"),
        ("2e-324", "=0.0"),
        ("1.7976931348623157e308", "=1.7976931348623157e+308"),
        ("1.7976931348623159e308", "=inf"),
        ("179769313486231580793728971405303415079934132710037826936173778980444968292764750946649017977587207096330286416692887910946555547851940402630657488671505820681908902000708383676273854845817711531764475730270069855571366959622842914819860834936475292719074168444365510704342711559699508093042880177904174497791", "=1.7976931348623157e+308"),
        ("0.00000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000001e400", "=0.1"),
        ("1111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111e-400", "=0.1111111111111111"),
        ("000000001.5", "=1.5"),
        ("1e0000000000000000001", "=10.0"),
        ("1e-99999999999", "=0.0"),
        ("-0", "=-0.0"),
        ("-0.0", "=-0.0"),
        ("+0e10", "=0.0"),
        ("\u{663}e\u{661}", "=30.0"),
        ("nan ", "=nan"),
        (" inf", "=inf"),
        ("1.5\u{3000}", "=1.5"),
        ("\u{3000}1", "=1.0"),
        (".inf", "!could not convert string to float: '.inf'"),
        ("-.nan", "!could not convert string to float: '-.nan'"),
        ("+.5inf", "!could not convert string to float: '+.5inf'"),
        ("1inf", "!could not convert string to float: '1inf'"),
        ("inf.", "!could not convert string to float: 'inf.'"),
    ];
    const STR_REPRS: &[(&str, &str)] = &[
        ("", "''"),
        ("abc", "'abc'"),
        ("Ada", "'Ada'"),
        ("it is", "'it is'"),
        ("text", "'text'"),
        ("repr", "'repr'"),
        ("it's", "\"it's\""),
        ("say \"hi\"", "'say \"hi\"'"),
        ("both ' and \"", "'both \\' and \"'"),
        ("'\"'", "'\\'\"\\''"),
        ("back\\slash", "'back\\\\slash'"),
        ("tab\t nl\n cr\r", "'tab\\t nl\\n cr\\r'"),
        (
            "\u{0}\u{1}\u{7}\u{1b}\u{1f}\u{7f}",
            "'\\x00\\x01\\x07\\x1b\\x1f\\x7f'",
        ),
        (
            "\u{80}\u{9f}\u{a0}\u{a1}\u{ad}\u{ff}",
            "'\\x80\\x9f\\xa0\u{a1}\\xad\u{ff}'",
        ),
        ("h\u{e9}llo", "'h\u{e9}llo'"),
        ("\u{65e5}\u{672c}", "'\u{65e5}\u{672c}'"),
        (
            "\u{2028}\u{2029}\u{200b}\u{200e}\u{feff}",
            "'\\u2028\\u2029\\u200b\\u200e\\ufeff'",
        ),
        (
            "\u{d7ff}\u{e000}\u{f8ff}\u{fffd}\u{ffff}",
            "'\\ud7ff\\ue000\\uf8ff\u{fffd}\\uffff'",
        ),
        ("\u{1f600} emoji", "'\u{1f600} emoji'"),
        (
            "\u{e0001}\u{10ffff}\u{1d11e}",
            "'\\U000e0001\\U0010ffff\u{1d11e}'",
        ),
        (
            "\u{378}\u{300}\u{3000}\u{3042}",
            "'\\u0378\u{300}\\u3000\u{3042}'",
        ),
        ("a\\'b", "\"a\\\\'b\""),
        ("\u{b}\u{c}", "'\\x0b\\x0c'"),
        (
            "\u{a0}\u{1680}\u{2000}\u{202f}\u{205f}",
            "'\\xa0\\u1680\\u2000\\u202f\\u205f'",
        ),
        ("combining e\u{301}", "'combining e\u{301}'"),
        (
            "\u{20000}\u{3134a}\u{e0100}",
            "'\u{20000}\u{3134a}\u{e0100}'",
        ),
        (
            "\u{600}\u{61c}\u{70f}\u{180e}",
            "'\\u0600\\u061c\\u070f\\u180e'",
        ),
        ("\u{85}\u{ad}", "'\\x85\\xad'"),
    ];
    const INT_ERRORS: &[(&str, u32, &str)] = &[
        ("five", 10, "invalid literal for int() with base 10: 'five'"),
        ("it's", 10, "invalid literal for int() with base 10: \"it's\""),
        ("a\\b", 16, "invalid literal for int() with base 16: 'a\\\\b'"),
        ("xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx", 10, "invalid literal for int() with base 10: 'xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx"),
        ("\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}", 0, "invalid literal for int() with base 0: '\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}"),
        ("\n", 8, "invalid literal for int() with base 8: '\\n'"),
        ("", 36, "invalid literal for int() with base 36: ''"),
    ];
    const ROUND_CASES: &[(u64, i64, &str)] = &[
        (0x4005666666666666, 2, "=2.67"),
        (0x3fe0000000000000, 0, "=0.0"),
        (0x3ff8000000000000, 0, "=2.0"),
        (0x4004000000000000, 0, "=2.0"),
        (0xbfe0000000000000, 0, "=-0.0"),
        (0xbff8000000000000, 0, "=-2.0"),
        (0x3fc0000000000000, 2, "=0.12"),
        (0x3fd8000000000000, 2, "=0.38"),
        (0x3ff0147ae147ae14, 2, "=1.0"),
        (0x40934a456d5cfaad, -2, "=1200.0"),
        (0x4093880000000000, -2, "=1200.0"),
        (0x4095180000000000, -2, "=1400.0"),
        (0x409387999999999a, -2, "=1200.0"),
        (0xc093880000000000, -2, "=-1200.0"),
        (0x4014000000000000, -1, "=0.0"),
        (0x402e000000000000, -1, "=20.0"),
        (0x4039000000000000, -1, "=20.0"),
        (0x3fd999999999999a, 0, "=0.0"),
        (0xbfd999999999999a, 0, "=-0.0"),
        (0xbf50624dd2f1a9fc, 2, "=-0.0"),
        (0x7e37e43c8800759c, -300, "=1e+300"),
        (
            0x7fefffffffffffff,
            -308,
            "!rounded value too large to represent",
        ),
        (
            0x7fefffffffffffff,
            -307,
            "!rounded value too large to represent",
        ),
        (0x7fe1ccf385ebc8a0, -308, "=1e+308"),
        (0x7fd1ccf385ebc8a0, -308, "=1e+308"),
        (0x7fcc7b1f3cac7433, -308, "=0.0"),
        (0x405edd2f1a9fbe77, 400, "=123.456"),
        (0x405edd2f1a9fbe77, -400, "=0.0"),
        (0xc05edd2f1a9fbe77, -400, "=-0.0"),
        (0x0000000000000001, 323, "=0.0"),
        (0x0000000000000001, 324, "=5e-324"),
        (0x00000000000007e8, 320, "=1e-320"),
        (0x7ff0000000000000, 2, "=inf"),
        (0xfff0000000000000, -2, "=-inf"),
        (0x7ff8000000000000, 1, "=nan"),
        (0x0000000000000000, 3, "=0.0"),
        (0x8000000000000000, -3, "=-0.0"),
        (0x3fd5555555555555, 10, "=0.3333333333"),
        (0x3fe5555555555555, 16, "=0.6666666666666666"),
        (0x419d6f34547e6b75, 5, "=123456789.12346"),
        (0x3fd3333333333334, 15, "=0.3"),
        (0x3fd3333333333334, 16, "=0.3"),
        (0x4480f0cf064dd592, -21, "=1e+22"),
        (0x448969368974c05b, -22, "=2e+22"),
        (0x44952d02c7e14af6, -22, "=2e+22"),
        (0x40c81cd6e631f8a1, -3, "=12000.0"),
        (0x3fd23d70a3d70a3d, 2, "=0.28"),
        (0x3f726e978d4fdf3b, 3, "=0.004"),
        (0x4012000000000000, 0, "=4.0"),
        (0x4016000000000000, 0, "=6.0"),
        (0x4341c37937e08001, -1, "=1e+16"),
        (0x4340000000000000, -1, "=9007199254740990.0"),
        (0x4058ffae147ae148, 2, "=100.0"),
        (0x40a334115b0d399c, 7, "=2458.0338978"),
        (0xc0857c6013a0d430, -5, "=-0.0"),
        (0xc0a4084409fea7a2, 3, "=-2564.133"),
        (0xc0b39562bdf736ec, 8, "=-5013.38571115"),
        (0x40bcb52e900a5048, 3, "=7349.182"),
        (0x40a25a19cf402dac, 6, "=2349.050409"),
        (0xc0e3e71c00000000, -3, "=-41000.0"),
        (0x3df147bcecbfc9eb, -3, "=0.0"),
        (0x40eaae9000000000, 0, "=54644.0"),
        (0xc0e5315200000000, 7, "=-43402.5625"),
        (0x40a01c665f9ab4d0, -2, "=2100.0"),
        (0xc0a699f219eb68de, 1, "=-2893.0"),
        (0xbbfa2669a55ae695, -1, "=-0.0"),
        (0xc0ed5c7c00000000, 0, "=-60132.0"),
        (0xbdd9efad743bf445, -3, "=-0.0"),
        (0xc0dd893c00000000, 2, "=-30244.94"),
        (0xc0a6b045948871ce, 3, "=-2904.136"),
        (0x40b367f60c9877c6, 0, "=4968.0"),
        (0xc260f7ef9a79ccfd, -1, "=-583033213900.0"),
        (0x40c054df31e93e9a, -2, "=8400.0"),
        (0xbcc73d7c249770d1, -4, "=-0.0"),
        (0x3ddb4ecef51d896f, -6, "=0.0"),
        (0xc0c05e6aecf4a049, -3, "=-8000.0"),
        (0x41c372dfd7cc72cb, 0, "=652591024.0"),
        (0x40ec1c6000000000, 7, "=57571.0"),
        (0x3d42071de7a15641, 8, "=0.0"),
        (0x40b68030e5168e58, -6, "=0.0"),
        (0x40baeead8d7b9d54, 2, "=6894.68"),
        (0x40972fc000000000, -2, "=1500.0"),
        (0xc0c2b34800000000, 7, "=-9574.5625"),
        (0xc0e3094600000000, -4, "=-40000.0"),
        (0x42bb9c369bb3a82b, -1, "=30357745021860.0"),
        (0x43686a757e410d1a, -6, "=5.4979618424e+16"),
        (0xc0cd082800000000, -2, "=-14900.0"),
        (0x40114760f8f042de, -4, "=0.0"),
        (0xc0edc6c400000000, 4, "=-60982.125"),
        (0xc0d810bc00000000, -2, "=-24600.0"),
        (0x40e0b41000000000, 8, "=34208.5"),
        (0x40e9282000000000, -1, "=51520.0"),
        (0x40bae1a000000000, 8, "=6881.625"),
        (0x40bba5188b7118e8, 3, "=7077.096"),
        (0x40caa04000000000, 3, "=13632.5"),
        (0x4090a0a029c30c20, -4, "=0.0"),
        (0x3e9425fba758f57f, -4, "=0.0"),
        (0x40a4729b42484fc8, -6, "=0.0"),
        (0xc0e76cb000000000, -3, "=-48000.0"),
        (0xc085ab2c7df200da, 3, "=-693.397"),
        (0xc0c0b83aea284b65, -1, "=-8560.0"),
        (0x3d3408683344eebf, 7, "=0.0"),
        (0x408d86e2e1d597c0, -2, "=900.0"),
        (0xc0d1986c00000000, 7, "=-18017.6875"),
        (0xc0c14de000000000, 1, "=-8859.8"),
        (0xc0bbf5c010bc0fb7, -4, "=-10000.0"),
        (0xc0d017a400000000, -5, "=-0.0"),
        (0x40ec230a00000000, 4, "=57624.3125"),
        (0x40bd69fe72883454, 1, "=7530.0"),
        (0xbdba6fc1192bec9f, 3, "=-0.0"),
        (0xc0b2c381c57b6f3a, -1, "=-4800.0"),
        (0x40c163c2b9dc587c, 1, "=8903.5"),
        (0xc0c29a403297a47b, -2, "=-9500.0"),
        (0xc0e5c91200000000, 2, "=-44616.56"),
        (0x4092d93b49e1e050, 1, "=1206.3"),
        (0xc0e49cd200000000, 1, "=-42214.6"),
        (0x43602e88c840d9ed, 8, "=3.643811709994993e+16"),
        (0xbf7ea2ab8c47eb7b, 5, "=-0.00748"),
        (0xc0d70abc00000000, -1, "=-23590.0"),
        (0xc0a5b66cb8473156, -6, "=-0.0"),
        (0x3cf0bab57126de07, 2, "=0.0"),
        (0x41553d29532b02e9, 3, "=5567653.3"),
        (0x40ee7dd600000000, 1, "=62446.7"),
        (0x40e8010c00000000, 7, "=49160.375"),
        (0x4159a7f1295a7087, -2, "=6725600.0"),
        (0x40a72fc887b7a550, 1, "=2967.9"),
        (0xbfa7bcb322a8f940, -4, "=-0.0"),
        (0x3c91f9b223f43fbf, -3, "=0.0"),
        (0xc0e910a600000000, 5, "=-51333.1875"),
        (0xc096151afae523e0, -5, "=-0.0"),
        (0x3d19cbacdec5281a, 8, "=0.0"),
        (0xc0bc8b7b725ade08, -4, "=-10000.0"),
        (0x3c91698d0e3eb00d, -3, "=0.0"),
    ];
}
