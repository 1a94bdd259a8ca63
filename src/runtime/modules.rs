//! Built-in modules (`math`, `sys`, `gc`, `time`, `os`, …).
