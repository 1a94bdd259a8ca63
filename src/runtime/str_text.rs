//! The text of a str object: kept in the object itself when it is short,
//! on the heap otherwise.
//!
//! Why: most strings a program makes are short (words from `split`, dict
//! keys, slices, digits, `lower()` of a word). Every object is as large as
//! the largest kind (see `object::TUPLE_INLINE`), so the bytes of a short
//! string fit in the space a str object has anyway: a str is then one
//! allocation instead of two, and its bytes sit next to its length and
//! hash instead of behind a pointer.

use std::fmt;
use std::mem::MaybeUninit;
use std::ops::Deref;

/// The longest text kept inline: what fits in a str object's share of
/// the object size (`object::tests::obj_stays_small` checks it).
pub const INLINE_MAX: usize = 86;

/// UTF-8 text, inline up to `INLINE_MAX` bytes.
#[derive(Clone)]
pub enum StrText {
    /// The first `len` bytes of `bytes` are the text (valid UTF-8); the
    /// rest are never read.
    Inline {
        len: u8,
        bytes: [MaybeUninit<u8>; INLINE_MAX],
    },
    Heap(Box<str>),
}

impl StrText {
    /// The text of `s`, copied.
    #[inline]
    pub fn new(s: &str) -> StrText {
        if s.len() > INLINE_MAX {
            return StrText::Heap(s.into());
        }
        let mut bytes = [MaybeUninit::uninit(); INLINE_MAX];
        // SAFETY: `s.len() <= INLINE_MAX` bytes are copied into `bytes`,
        // which has room for them; the two do not overlap.
        unsafe {
            std::ptr::copy_nonoverlapping(s.as_ptr(), bytes.as_mut_ptr().cast::<u8>(), s.len());
        }
        StrText::Inline {
            len: s.len() as u8,
            bytes,
        }
    }

    #[inline(always)]
    pub fn as_str(&self) -> &str {
        match self {
            StrText::Inline { len, bytes } => {
                let bytes = &bytes[..*len as usize];
                // SAFETY: the first `len` bytes were written from a `&str`
                // in `new` (and copied with it by `Clone`): initialised, and
                // valid UTF-8 as a whole.
                unsafe {
                    std::str::from_utf8_unchecked(
                        &*(bytes as *const [MaybeUninit<u8>] as *const [u8]),
                    )
                }
            }
            StrText::Heap(s) => s,
        }
    }

    /// `s` with every byte mapped by `f`, for ASCII text and a mapping that
    /// keeps it ASCII (`upper()`, `lower()`): a short result is written
    /// straight into the inline bytes, with no `String` in between.
    #[inline]
    pub fn ascii_mapped(s: &str, f: impl Fn(u8) -> u8) -> StrText {
        debug_assert!(s.is_ascii());
        if s.len() > INLINE_MAX {
            let mapped: String = s.bytes().map(|b| char::from(f(b))).collect();
            return StrText::Heap(mapped.into_boxed_str());
        }
        let mut bytes = [MaybeUninit::uninit(); INLINE_MAX];
        for (to, b) in bytes.iter_mut().zip(s.bytes()) {
            let m = f(b);
            debug_assert!(m.is_ascii());
            to.write(m);
        }
        StrText::Inline {
            len: s.len() as u8,
            bytes,
        }
    }

    /// The concatenation of `parts`, whose lengths add up to `len`
    /// (f-strings, `s + t`): written straight into the inline bytes when
    /// it fits, else into one buffer of that size, with no `String` to
    /// copy from and free.
    pub fn concat<'a>(parts: impl Iterator<Item = &'a str>, len: usize) -> StrText {
        if len > INLINE_MAX {
            let mut s = String::with_capacity(len);
            parts.for_each(|p| s.push_str(p));
            return StrText::Heap(s.into_boxed_str());
        }
        let mut bytes = [MaybeUninit::uninit(); INLINE_MAX];
        let mut at = 0;
        for p in parts {
            let to = &mut bytes[at..at + p.len()];
            // SAFETY: `to` is `p.len()` bytes of `bytes` (the slice above
            // is bounds-checked), not overlapping `p`.
            unsafe {
                std::ptr::copy_nonoverlapping(p.as_ptr(), to.as_mut_ptr().cast::<u8>(), p.len())
            };
            at += p.len();
        }
        // (The first `at` bytes are whole `str`s one after another: valid
        // UTF-8, as `as_str` requires.)
        StrText::Inline {
            len: at as u8,
            bytes,
        }
    }
}

impl Deref for StrText {
    type Target = str;

    #[inline(always)]
    fn deref(&self) -> &str {
        self.as_str()
    }
}

impl From<&str> for StrText {
    fn from(s: &str) -> StrText {
        StrText::new(s)
    }
}

impl From<String> for StrText {
    /// A long string keeps its buffer (no copy); a short one is copied in.
    fn from(s: String) -> StrText {
        if s.len() > INLINE_MAX {
            StrText::Heap(s.into_boxed_str())
        } else {
            StrText::new(&s)
        }
    }
}

impl From<Box<str>> for StrText {
    fn from(s: Box<str>) -> StrText {
        if s.len() > INLINE_MAX {
            StrText::Heap(s)
        } else {
            StrText::new(&s)
        }
    }
}

impl PartialEq for StrText {
    #[inline(always)]
    fn eq(&self, other: &StrText) -> bool {
        self.as_str() == other.as_str()
    }
}

impl Eq for StrText {}

impl fmt::Debug for StrText {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Debug::fmt(self.as_str(), f)
    }
}

impl fmt::Display for StrText {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Display::fmt(self.as_str(), f)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn short_text_is_inline_and_long_text_on_the_heap() {
        let short = "é".repeat(INLINE_MAX / 2);
        let long = "x".repeat(INLINE_MAX + 1);
        for (s, inline) in [
            ("", true),
            ("word", true),
            (&short[..], true),
            (&long[..], false),
        ] {
            for t in [
                StrText::new(s),
                StrText::from(s.to_string()),
                StrText::from(Box::<str>::from(s)),
            ] {
                assert_eq!(t.as_str(), s);
                assert_eq!(matches!(t, StrText::Inline { .. }), inline, "{s:?}");
                assert_eq!(t.clone().as_str(), s);
            }
        }
        let at_limit = "y".repeat(INLINE_MAX);
        assert!(matches!(StrText::new(&at_limit), StrText::Inline { .. }));
    }
}
