//! Criterion benchmarks: a few of `benches/programs/` (calls, a loop, a
//! class-heavy one) at small sizes, run in process through the embedding
//! API in every mode this build has (`driver::AVAILABLE_MODES`), so a new
//! backend is measured as soon as it is listed there.
//!
//!     cargo bench                  # everything
//!     cargo bench -- calls/vm      # one program in one mode

use criterion::{criterion_group, criterion_main, Criterion};
use std::time::Duration;
use tern::driver::AVAILABLE_MODES;
use tern::embed::Engine;

/// Program file (in `benches/programs/`) and the size argument its `main`
/// gets instead of the command-line default: each run takes milliseconds.
const PROGRAMS: &[(&str, u32)] = &[("calls", 16), ("int_loops", 300), ("classes", 800)];

/// The program's source with its last line, `main(<size from argv>)`,
/// replaced by `main(size)`.
fn source_at_size(name: &str, size: u32) -> String {
    let path = format!("{}/benches/programs/{name}.py", env!("CARGO_MANIFEST_DIR"));
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"));
    let body = text.trim_end();
    let last = body.rfind('\n').map_or(0, |i| i + 1);
    assert!(
        body[last..].starts_with("main("),
        "{path} does not end with a call of main"
    );
    format!("{}main({size})\n", &body[..last])
}

fn modes(c: &mut Criterion) {
    for &(name, size) in PROGRAMS {
        let source = source_at_size(name, size);
        let mut group = c.benchmark_group(name);
        for &mode in AVAILABLE_MODES {
            let mut engine = Engine::builder().mode(mode).stdout(std::io::sink()).build();
            let program = engine
                .compile(&format!("{name}.py"), &source)
                .unwrap_or_else(|e| panic!("{name}: {e}"));
            // A run that fails would time the error path: check once.
            engine
                .run(&program)
                .unwrap_or_else(|e| panic!("{name} in {}: {e}", mode.name()));
            group.bench_function(mode.name(), |b| {
                b.iter(|| engine.run(&program).expect("the program ran before"))
            });
        }
        group.finish();
    }
}

criterion_group! {
    name = benches;
    config = Criterion::default()
        .sample_size(10)
        .warm_up_time(Duration::from_millis(500))
        .measurement_time(Duration::from_secs(2));
    targets = modes
}
criterion_main!(benches);
