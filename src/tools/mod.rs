//! Tools for putting the execution modes side by side: `tern compare`
//! (one program, every mode: do they agree, and how fast is each?) and
//! `tern bench` (a folder of benchmark programs, every mode and CPython:
//! a table, raw figures as JSON and a chart as SVG).
//!
//! Both run each program as a child process (`runner`), so a crash or a
//! hang in one mode is contained and the time measured is what a user of
//! `tern run` waits for. A mode reports how long it spent translating the
//! program through the phases line (`phases`, `driver::report_phases`).

pub mod bench;
pub mod compare;
pub mod diff;
pub mod json;
pub mod machine;
pub mod phases;
pub mod progress;
pub mod runner;
pub mod stats;
pub mod svg;
pub mod table;
