//! A host that embeds tern: it registers functions and a native module,
//! runs a user script under limits with its output captured, reads results
//! back, and shows that a hostile script is stopped while the engine lives on.
//!
//! Run with `cargo run --example embed`.

use std::time::Duration;
use tern::embed::{Engine, Error, NativeModule, OutputBuffer};

#[global_allocator]
static ALLOC: tern::alloc::TrackingAllocator = tern::alloc::TrackingAllocator;

const USER_SCRIPT: &str = r#"
import pricing

def invoice(items):
    lines = []
    total = 0.0
    for name, qty in items:
        cost = pricing.price(name) * qty
        total += cost
        lines.append(f"{name:<8}{qty:>3} x {pricing.price(name):6.2f} = {cost:7.2f}")
    lines.append(f"{'total':<8}{'':>19}{with_tax(total):7.2f}")
    return lines

report = invoice(order)
for line in report:
    print(line)
"#;

fn main() -> Result<(), Error> {
    let out = OutputBuffer::new();
    let mut engine = Engine::builder()
        .fuel(5_000_000)
        .deadline(Duration::from_secs(2))
        .memory_limit(tern::alloc::allocated() + (256 << 20))
        .output_limit(64 * 1024)
        .stdout(out.clone())
        .build();

    // A host function and a native module with functions and constants.
    engine.register_fn("with_tax", |amount: f64| {
        (amount * 1.2 * 100.0).round() / 100.0
    });
    engine.register_module(
        NativeModule::new("pricing")
            .function("price", |item: String| match item.as_str() {
                "apple" => Ok(0.5),
                "bread" => Ok(2.25),
                "cheese" => Ok(7.8),
                other => Err(format!("no price for {other}")),
            })
            .constant("CURRENCY", "EUR"),
    );

    // Values flow in from Rust…
    engine.set(
        "order",
        vec![
            ("apple".to_string(), 6i64),
            ("bread".into(), 2),
            ("cheese".into(), 1),
        ],
    )?;
    engine.eval(USER_SCRIPT)?;
    print!("{}", out.contents());

    // …and back out.
    let lines: Vec<String> = engine.get_as("report")?;
    println!("the script produced {} lines", lines.len());
    let currency: String = engine.eval_as("pricing.CURRENCY")?;
    println!("currency: {currency}");

    // A Rust error becomes an exception the script can catch.
    let caught: String = engine.eval_as(
        "try:\n    pricing.price('caviar')\nexcept RuntimeError as e:\n    msg = str(e)\nmsg",
    )?;
    println!("caught in the script: {caught}");

    // Hostile scripts are stopped; the engine stays usable.
    for (what, script) in [
        ("infinite loop", "while True:\n    pass\n"),
        ("memory bomb", "x = [0] * 10**10\n"),
        ("file access", "open('/etc/passwd').read()\n"),
    ] {
        match engine.eval(script) {
            Err(e) => println!(
                "{what}: stopped ({})",
                e.to_string().lines().last().unwrap_or("")
            ),
            Ok(_) => println!("{what}: unexpectedly finished"),
        }
    }
    let n: i64 = engine.eval_as("len(report) * 10")?;
    println!("engine still works: {n}");
    Ok(())
}
