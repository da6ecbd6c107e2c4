//! What the bench targets share: the criterion configuration and the table of ratios printed
//! at the end of a run, read from the medians criterion has just written.

use std::path::PathBuf;
use std::time::{Duration, SystemTime};

use criterion::Criterion;

/// Short runs, so that the whole suite takes a few minutes on a small machine; criterion's
/// command-line options (`--quick`, `--measurement-time`, …) override these.
pub fn config() -> Criterion {
    Criterion::default()
        .warm_up_time(Duration::from_millis(500))
        .measurement_time(Duration::from_secs(1))
        .sample_size(50)
        .configure_from_args()
}

/// One line of the table: `subject` and `baseline` are benchmark ids (`group/function`), the
/// ratio printed is `subject / baseline`, and `target` says what it should be.
pub struct Ratio {
    pub label: String,
    pub subject: String,
    pub baseline: String,
    pub target: &'static str,
}

/// Shorthand for [`Ratio`].
pub fn ratio(
    label: impl Into<String>,
    subject: impl Into<String>,
    baseline: impl Into<String>,
    target: &'static str,
) -> Ratio {
    Ratio {
        label: label.into(),
        subject: subject.into(),
        baseline: baseline.into(),
        target,
    }
}

/// Where criterion writes its results: as criterion decides it, short of asking
/// `cargo metadata` (the workspace's `target/criterion`, next to this package, unless the
/// target directory was moved by `CARGO_TARGET_DIR`).
fn criterion_home() -> PathBuf {
    if let Some(home) = std::env::var_os("CRITERION_HOME") {
        return PathBuf::from(home);
    }
    if let Some(target) = std::env::var_os("CARGO_TARGET_DIR") {
        return PathBuf::from(target).join("criterion");
    }
    PathBuf::from(concat!(env!("CARGO_MANIFEST_DIR"), "/../target/criterion"))
}

/// The median in nanoseconds of benchmark `id` (`group/function`), if it was measured by
/// this run (written after `since`).
fn median(id: &str, since: SystemTime) -> Option<f64> {
    let (group, function) = id.split_once('/')?;
    // Criterion's directory names: these characters become `_`.
    let safe = |s: &str| s.replace(['?', '"', '/', '\\', '*', '<', '>', ':', '|', '^'], "_");
    let path = criterion_home()
        .join(safe(group))
        .join(safe(function))
        .join("new/estimates.json");
    let written = std::fs::metadata(&path).ok()?.modified().ok()?;
    if written < since {
        return None;
    }
    let json: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(path).ok()?).ok()?;
    json["median"]["point_estimate"].as_f64()
}

fn show_ns(ns: f64) -> String {
    if ns >= 1000.0 {
        format!("{:.2} µs", ns / 1000.0)
    } else {
        format!("{ns:.1} ns")
    }
}

/// Prints the ratios of the medians this run measured, as a Markdown table; benchmarks that
/// did not run (filtered out) are left out.
pub fn print_ratios(title: &str, ratios: &[Ratio], since: SystemTime) {
    let rows: Vec<String> = ratios
        .iter()
        .filter_map(|r| {
            let s = median(&r.subject, since)?;
            let b = median(&r.baseline, since)?;
            Some(format!(
                "| {} | {} | {} | {:.2}× | {} |",
                r.label,
                show_ns(s),
                show_ns(b),
                s / b,
                r.target
            ))
        })
        .collect();
    if rows.is_empty() {
        return;
    }
    println!("\n{title} (medians of this run; ratio = crate / baseline)\n");
    println!("| measured | crate | baseline | ratio | target |");
    println!("|---|---|---|---|---|");
    for row in rows {
        println!("{row}");
    }
}
