//! The value types at a typical and at their largest valid size, each beside its floor where
//! one exists in the same group:
//!
//! * text types beside `String::from_utf8(bytes.to_vec())` over the same bytes (the least
//!   work that yields an owned, checked string);
//! * `ReferenceId` and `MediaId` beside the regex a user would write,
//!   `^[A-Za-z0-9_-]{6,64}$` (`is_match` alone, which builds no value).
//!
//! Run with `cargo bench -p ims-media-benches --bench values`; `-- --quick` for a short run. The ratios the README
//! quotes are printed at the end of `cargo bench -p ims-media-benches --bench request` (see `benches/README.md`).

// Benchmark set-up may panic on inputs it built itself.
#![allow(clippy::expect_used, clippy::unwrap_used, clippy::panic)]

use std::hint::black_box;
use std::str::FromStr;

use std::time::SystemTime;

use criterion::measurement::WallTime;
use criterion::{BenchmarkGroup, Criterion};
use ims_media::{
    BusinessType, CateId, Category, CoverUrl, Description, InputUrl, MediaId, MediaTags,
    ReferenceId, Tag, Title, UserData,
};
use regex::Regex;

mod common;
use common::{print_ratios, ratio};

/// `n` bytes of ASCII prose.
fn ascii(n: usize) -> String {
    let text = "The quick brown fox jumps over the lazy dog, and then runs home. ";
    text.chars().cycle().take(n).collect()
}

/// `n` bytes of CJK prose (3-byte characters), padded with ASCII to exactly `n` bytes.
fn cjk(n: usize) -> String {
    let text = "夏日海边的日落与城市夜景视频合集，适合旅行记录。";
    let mut s: String = text.chars().cycle().take(n / 3).collect();
    s.push_str(&"a".repeat(n - s.len()));
    assert_eq!(s.len(), n);
    s
}

/// Benchmarks `T::from_str` on `input` as `name`, and the floor beside it.
fn text<T: FromStr>(g: &mut BenchmarkGroup<'_, WallTime>, name: &str, input: &str)
where
    T::Err: std::fmt::Debug,
{
    assert!(
        input.parse::<T>().is_ok(),
        "{name}: {input:?} must be valid"
    );
    g.bench_function(format!("from_str/{name}"), |b| {
        b.iter(|| black_box(black_box(input).parse::<T>()))
    });
    let bytes = input.as_bytes();
    g.bench_function(format!("floor_from_utf8/{name}"), |b| {
        b.iter(|| black_box(String::from_utf8(black_box(bytes).to_vec())))
    });
}

fn text_types(c: &mut Criterion) {
    let mut g = c.benchmark_group("Title");
    text::<Title>(&mut g, "ascii_24", "Summer sunset at the bay");
    text::<Title>(&mut g, "cjk_30", &cjk(30));
    text::<Title>(&mut g, "ascii_128", &ascii(128));
    text::<Title>(&mut g, "cjk_128", &cjk(128));
    g.finish();

    let mut g = c.benchmark_group("Description");
    text::<Description>(&mut g, "ascii_200", &ascii(200));
    text::<Description>(&mut g, "cjk_200", &cjk(200));
    text::<Description>(&mut g, "ascii_1024", &ascii(1024));
    text::<Description>(&mut g, "cjk_1024", &cjk(1024));
    g.finish();

    let mut g = c.benchmark_group("Category");
    text::<Category>(&mut g, "ascii_6", "travel");
    text::<Category>(&mut g, "ascii_64", &ascii(64));
    text::<Category>(&mut g, "cjk_64", &cjk(64));
    g.finish();

    let mut g = c.benchmark_group("UserData");
    let typical = r#"{"source":"upload","owner":"team-video","priority":3,"tags":["a","b"]}"#;
    text::<UserData>(&mut g, "json_72", typical);
    text::<UserData>(&mut g, "ascii_1024", &ascii(1024));
    text::<UserData>(&mut g, "cjk_1024", &cjk(1024));
    g.finish();

    let mut g = c.benchmark_group("Tag");
    text::<Tag>(&mut g, "ascii_6", "sports");
    text::<Tag>(&mut g, "cjk_6", "旅行");
    text::<Tag>(&mut g, "ascii_32", &"t".repeat(32));
    text::<Tag>(&mut g, "cjk_32", &cjk(32));
    g.finish();

    let mut g = c.benchmark_group("CoverURL");
    text::<CoverUrl>(
        &mut g,
        "typical_62",
        "https://example-bucket.oss-cn-shanghai.aliyuncs.com/cover.png",
    );
    let long = format!(
        "https://example-bucket.oss-cn-shanghai.aliyuncs.com/{}",
        "c".repeat(76)
    );
    text::<CoverUrl>(&mut g, "max_128", &long);
    g.finish();
}

/// `n` tags of `len` bytes each, joined with `, ` (white space to trim).
fn tag_list(n: usize, len: usize) -> String {
    (0..n)
        .map(|i| format!("{i:02}{}", "t".repeat(len - 2)))
        .collect::<Vec<_>>()
        .join(", ")
}

fn media_tags(c: &mut Criterion) {
    let mut g = c.benchmark_group("MediaTags");
    let cases = [
        ("4_typical", "news, sports, 旅行, vlog".to_owned()),
        ("16_short", tag_list(16, 8)),
        ("16_max_32_bytes", tag_list(16, 32)),
    ];
    for (name, input) in &cases {
        assert!(input.parse::<MediaTags>().is_ok_and(|t| !t.is_empty()));
        g.bench_function(format!("from_str/{name}"), |b| {
            b.iter(|| black_box(black_box(input.as_str()).parse::<MediaTags>()))
        });
        let bytes = input.as_bytes();
        g.bench_function(format!("floor_from_utf8/{name}"), |b| {
            b.iter(|| black_box(String::from_utf8(black_box(bytes).to_vec())))
        });
    }
    g.finish();
}

/// The same 1,023-byte key (341 CJK characters) percent-encoded.
fn long_encoded_key() -> String {
    let mut key = String::from("videos/");
    let raw = cjk(1023 - key.len());
    for b in raw.bytes() {
        if b.is_ascii_alphanumeric() {
            key.push(char::from(b));
        } else {
            key.push_str(&format!("%{b:02X}"));
        }
    }
    key
}

fn input_url(c: &mut Criterion) {
    let mut g = c.benchmark_group("InputURL");
    let key = long_encoded_key();
    let cases = [
        (
            "oss_typical",
            "oss://example-bucket/videos/intro.mp4".to_owned(),
        ),
        (
            "https_typical",
            "https://example-bucket.oss-cn-shanghai.aliyuncs.com/videos/intro.mp4".to_owned(),
        ),
        (
            "oss_long_escaped_key",
            format!("oss://example-bucket/{key}"),
        ),
        (
            "http_long_escaped_key",
            format!("http://example-bucket.oss-cn-shanghai-internal.aliyuncs.com/{key}"),
        ),
        (
            "https_long_escaped_key",
            format!("https://example-bucket.oss-accelerate.aliyuncs.com/{key}"),
        ),
        (
            "dual_stack_long_escaped_key",
            format!("https://example-bucket.cn-shanghai.oss.aliyuncs.com/{key}"),
        ),
        ("vod", "vod://2b36bd19c13f4145b094c0cad80dbce5".to_owned()),
    ];
    for (name, url) in &cases {
        let parsed = url.parse::<InputUrl>();
        assert!(parsed.is_ok(), "{name}: {parsed:?}");
        g.bench_function(format!("from_str/{name}"), |b| {
            b.iter(|| black_box(black_box(url.as_str()).parse::<InputUrl>()))
        });
        let bytes = url.as_bytes();
        g.bench_function(format!("floor_from_utf8/{name}"), |b| {
            b.iter(|| black_box(String::from_utf8(black_box(bytes).to_vec())))
        });
    }
    g.finish();
}

fn ids(c: &mut Criterion) {
    let regex = Regex::new("^[A-Za-z0-9_-]{6,64}$").expect("regex");
    let mut g = c.benchmark_group("ReferenceId");
    let cases = [
        ("ref_2024-001", "ref_2024-001".to_owned()),
        ("123-123", "123-123".to_owned()),
        ("hex_32", "2b36bd19c13f4145b094c0cad80dbce5".to_owned()),
        ("order-24", "order-2024-06-30-000123".to_owned()),
        // A UUID, the longest common shape kept inside the value (up to 40 characters; the
        // 64 characters of `max_64` take one allocation).
        ("uuid_36", "550e8400-e29b-41d4-a716-446655440000".to_owned()),
        ("max_64", "A_-9".repeat(16)),
    ];
    for (name, id) in &cases {
        assert!(regex.is_match(id) && id.parse::<ReferenceId>().is_ok());
        g.bench_function(format!("from_str/{name}"), |b| {
            b.iter(|| black_box(black_box(id.as_str()).parse::<ReferenceId>()))
        });
        g.bench_function(format!("regex_is_match/{name}"), |b| {
            b.iter(|| black_box(regex.is_match(black_box(id.as_str()))))
        });
        // The least work that yields the value: copying one already built.
        let built: Result<ReferenceId, _> = id.parse();
        g.bench_function(format!("floor_copy_value/{name}"), |b| {
            b.iter(|| black_box(black_box(&built).clone()))
        });
    }
    // A rejection, which goes to the slow path that finds the error to report.
    let bad = "ref 2024-001";
    g.bench_function("from_str/invalid_space", |b| {
        b.iter(|| black_box(black_box(bad).parse::<ReferenceId>()))
    });
    g.bench_function("regex_is_match/invalid_space", |b| {
        b.iter(|| black_box(regex.is_match(black_box(bad))))
    });
    g.finish();

    let media_regex = Regex::new("^[A-Za-z0-9_-]{1,64}$").expect("regex");
    let mut g = c.benchmark_group("MediaId");
    for (name, id) in [
        ("hex_32", "2b36bd19c13f4145b094c0cad80dbce5".to_owned()),
        (
            "public_42",
            "icepublic-2b36bd19c13f4145b094c0cad80dbce5".to_owned(),
        ),
        ("max_64", "A_-9".repeat(16)),
    ] {
        g.bench_function(format!("from_str/{name}"), |b| {
            b.iter(|| black_box(black_box(id.as_str()).parse::<MediaId>()))
        });
        // Two equal identifiers, as `apply_update` compares on every update, beside two
        // equal `String`s.
        let (a, b): (MediaId, MediaId) = (id.parse().expect("valid"), id.parse().expect("valid"));
        g.bench_function(format!("eq/{name}"), |bench| {
            bench.iter(|| black_box(black_box(&a) == black_box(&b)))
        });
        let (x, y) = (id.clone(), id.clone());
        g.bench_function(format!("floor_string_eq/{name}"), |bench| {
            bench.iter(|| black_box(black_box(&x) == black_box(&y)))
        });
        g.bench_function(format!("regex_is_match/{name}"), |b| {
            b.iter(|| black_box(media_regex.is_match(black_box(id.as_str()))))
        });
    }
    g.finish();

    let mut g = c.benchmark_group("CateId");
    for (name, s) in [("typical_4", "3048"), ("max_19", "9223372036854775807")] {
        g.bench_function(format!("from_str/{name}"), |b| {
            b.iter(|| black_box(black_box(s).parse::<CateId>()))
        });
        g.bench_function(format!("floor_i64_parse/{name}"), |b| {
            b.iter(|| black_box(black_box(s).parse::<i64>()))
        });
    }
    g.finish();

    let mut g = c.benchmark_group("BusinessType");
    for s in ["general", "subtitles", "bgi"] {
        g.bench_function(format!("from_str/{s}"), |b| {
            b.iter(|| black_box(black_box(s).parse::<BusinessType>()))
        });
    }
    g.finish();
}

fn main() {
    let since = SystemTime::now();
    let mut c = common::config();
    text_types(&mut c);
    media_tags(&mut c);
    input_url(&mut c);
    ids(&mut c);
    c.final_summary();
    let d = |name: &str| {
        ratio(
            format!("Description::from_str {name} / String::from_utf8"),
            format!("Description/from_str/{name}"),
            format!("Description/floor_from_utf8/{name}"),
            "≤ 1.5×",
        )
    };
    let mut ratios = vec![d("ascii_1024"), d("cjk_1024"), d("ascii_200"), d("cjk_200")];
    for id in [
        "ref_2024-001",
        "123-123",
        "hex_32",
        "order-24",
        "uuid_36",
        "max_64",
    ] {
        ratios.push(ratio(
            format!("ReferenceId::from_str {id} / regex is_match"),
            format!("ReferenceId/from_str/{id}"),
            format!("ReferenceId/regex_is_match/{id}"),
            "≤ 0.20× (5× faster)",
        ));
    }
    for id in ["ref_2024-001", "123-123", "hex_32"] {
        ratios.push(ratio(
            format!("ReferenceId::from_str {id} / copy of a built ReferenceId"),
            format!("ReferenceId/from_str/{id}"),
            format!("ReferenceId/floor_copy_value/{id}"),
            "(the floor of returning the inline value)",
        ));
    }
    print_ratios("Value types", &ratios, since);
}
