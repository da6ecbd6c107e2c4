//! Replays the committed fuzz corpus (`tests/data/fuzz-corpus/<target>/`) through the fuzz
//! targets' oracles (`fuzz_oracles.rs`), so that `cargo test --all-features` checks the same
//! properties on stable Rust, without cargo-fuzz. Each target must have at least one file,
//! so that an empty or moved corpus cannot make the test pass by testing nothing.
#![allow(clippy::unwrap_used, clippy::panic)]

use std::fs;
use std::panic::{catch_unwind, AssertUnwindSafe};
use std::path::{Path, PathBuf};

#[path = "fuzz_oracles.rs"]
mod oracles;

fn corpus_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/fuzz-corpus")
}

/// Runs `target`'s oracle on every file of its corpus; fails naming the files that fail.
#[track_caller]
fn replay(target: &str) {
    let (_, oracle) = oracles::TARGETS
        .iter()
        .find(|(name, _)| *name == target)
        .unwrap_or_else(|| panic!("no oracle for {target}"));
    let dir = corpus_dir().join(target);
    let mut files: Vec<PathBuf> = fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .map(|entry| entry.unwrap().path())
        .filter(|p| p.is_file())
        .collect();
    files.sort();
    assert!(!files.is_empty(), "no corpus files in {}", dir.display());
    let failed: Vec<String> = files
        .iter()
        .filter(|path| {
            let data = fs::read(path).unwrap();
            catch_unwind(AssertUnwindSafe(|| oracle(&data))).is_err()
        })
        .map(|path| path.display().to_string())
        .collect();
    assert!(
        failed.is_empty(),
        "{target}: the oracle fails on {failed:#?}"
    );
}

#[test]
fn query_corpus() {
    replay("query");
}

#[test]
fn params_corpus() {
    replay("params");
}

#[test]
fn input_url_corpus() {
    replay("input_url");
}

#[test]
fn media_tags_corpus() {
    replay("media_tags");
}

#[test]
fn apply_update_corpus() {
    replay("apply_update");
}

#[test]
fn aimed_update_corpus() {
    replay("aimed_update");
}

/// The aimed generator's updates find their asset and succeed at least 95 % of the time
/// (the rest append past 16 tags): over 20,000 inputs of random bytes of every length up to
/// 16 KiB, and over the committed corpus.
#[test]
fn aimed_updates_mostly_succeed() {
    let mut state = 0x9E37_79B9_7F4A_7C15_u64;
    let mut next = || {
        // xorshift64*: any fixed sequence of bytes will do.
        state ^= state >> 12;
        state ^= state << 25;
        state ^= state >> 27;
        state.wrapping_mul(0x2545_F491_4F6C_DD1D)
    };
    let runs = 20_000;
    let mut ok = 0;
    for _ in 0..runs {
        let len = usize::try_from(next() % 16_384).unwrap();
        let data: Vec<u8> = (0..len).map(|_| next().to_le_bytes()[0]).collect();
        ok += usize::from(oracles::aimed_update_succeeds(&data));
    }
    let share = ok as f64 / runs as f64;
    eprintln!(
        "aimed updates that succeed: {ok} of {runs} ({:.1} %)",
        share * 100.0
    );
    assert!(share >= 0.95, "{ok} of {runs}");

    let dir = corpus_dir().join("aimed_update");
    let files: Vec<Vec<u8>> = fs::read_dir(&dir)
        .unwrap()
        .map(|e| fs::read(e.unwrap().path()).unwrap())
        .collect();
    let ok = files
        .iter()
        .filter(|d| oracles::aimed_update_succeeds(d))
        .count();
    eprintln!("over the corpus: {ok} of {}", files.len());
    assert!(
        ok as f64 >= 0.95 * files.len() as f64,
        "{ok} of {}",
        files.len()
    );
}

#[test]
fn register_corpus() {
    replay("register");
}

#[test]
fn text_corpus() {
    replay("text");
}

/// Every fuzz target has an oracle, a corpus directory and a replay above, and nothing else
/// lies in the corpus. (The package ships the oracles and the corpus, not the cargo-fuzz
/// targets: there the targets are not compared.)
#[test]
fn targets_corpus_and_oracles_agree() {
    let names = |dir: &Path, strip: &str| -> Vec<String> {
        let mut v: Vec<String> = fs::read_dir(dir)
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().replace(strip, ""))
            .collect();
        v.sort();
        v
    };
    let mut oracles: Vec<String> = oracles::TARGETS
        .iter()
        .map(|(n, _)| n.to_string())
        .collect();
    oracles.sort();
    let targets = Path::new(env!("CARGO_MANIFEST_DIR")).join("fuzz/fuzz_targets");
    if targets.is_dir() {
        assert_eq!(names(&targets, ".rs"), oracles);
    }
    assert_eq!(names(&corpus_dir(), ""), oracles);
}

/// The oracles' own models, which a passing corpus cannot show to be right: the comma rule,
/// the percent codec and the grapheme cut.
#[test]
fn oracle_models() {
    let tags = |s: &str| oracles::tags_model(s).map(|v| v.join("|"));
    assert_eq!(
        tags(" news , 旅行,news,News "),
        Some("news|旅行|News".to_owned())
    );
    assert_eq!(tags(" \u{3000} "), Some(String::new()));
    assert_eq!(tags("a,,b"), None);
    assert_eq!(tags("a,"), None);
    assert_eq!(tags("a,b\u{85}c"), None);
    assert_eq!(tags("a,b\u{85}"), Some("a|b".to_owned())); // NEL is white space, trimmed
    assert_eq!(tags(&"界".repeat(11)), None);
    let n = |k: u32| (1..=k).map(|i| i.to_string()).collect::<Vec<_>>().join(",");
    assert!(tags(&n(16)).is_some());
    assert_eq!(tags(&n(17)), None);
    assert!(tags(&format!("{},1,16", n(16))).is_some());

    assert_eq!(
        oracles::decode("a%2fb%2F+%e7%95%8C"),
        Some("a/b/+界".as_bytes().to_vec())
    );
    assert_eq!(oracles::decode("a%zz"), None);
    assert_eq!(oracles::decode("a%4"), None);
    assert_eq!(oracles::encode("a b/界", b""), "a%20b%2F%E7%95%8C");
    assert_eq!(oracles::encode("a b/c", b"/"), "a%20b/c");

    assert_eq!(oracles::grapheme_prefix("ae\u{301}x", 3), "a");
    assert_eq!(oracles::grapheme_prefix("ae\u{301}x", 4), "ae\u{301}");
    assert_eq!(oracles::grapheme_prefix("ae\u{301}x", 5), "ae\u{301}x");
    assert_eq!(oracles::grapheme_prefix("👩\u{200d}💻", 10), "");
}

/// Inputs that are not UTF-8 are skipped where the API takes text (never converted), and
/// both outcomes of each oracle pass on plain input.
#[test]
fn oracles_accept_both_outcomes() {
    oracles::query(b"MediaId=a&Title=x");
    oracles::query(b"Title=x");
    oracles::query(b"MediaId=a&Title=\xFF");
    oracles::input_url(b"oss://bkt/\xFF");
    oracles::input_url(b"oss://bkt/k");
    oracles::params(b"MediaId\ta\nTitle\ta&b=c%zz");
    oracles::media_tags(b"a,b\nb,c");
    oracles::text("夏日 🌅".as_bytes());
    oracles::apply_update(&[]);
}
