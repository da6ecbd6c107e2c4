//! Whole requests: `from_params`, `from_query`, `to_query`, the JSON decode, `apply_update`
//! and the rejection path, each beside its floor and its peer in the same group:
//!
//! * the floor for building: copying the request's pairs into owned `String`s;
//! * the floor for `apply_update`: cloning the `MediaInfo` the update produces;
//! * the peer: the same rules written with `garde` on a struct of `Option<String>` fields,
//!   built from the same pairs (see [`peer`]).
//!
//! Run with `cargo bench -p ims-media-benches --bench request`; `-- --quick` for a short run. The table of ratios
//! is printed at the end.

// Benchmark set-up may panic on inputs it built itself.
#![allow(clippy::expect_used, clippy::unwrap_used, clippy::panic)]

use std::hint::black_box;
use std::time::SystemTime;

use criterion::Criterion;
use ims_media::{apply_update, MediaInfo, UpdateMediaInfoRequest};

mod common;
mod peer;
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
    s
}

const MEDIA_ID: &str = "2b36bd19c13f4145b094c0cad80dbce5";

/// MediaId, Title, a Description of 200 bytes, 4 tags and CateId.
fn typical() -> Vec<(String, String)> {
    [
        ("MediaId", MEDIA_ID.to_owned()),
        ("Title", "Summer sunset at the bay".to_owned()),
        ("Description", ascii(200)),
        ("MediaTags", "news,sports,travel,vlog".to_owned()),
        ("CateId", "3048".to_owned()),
    ]
    .map(|(n, v)| (n.to_owned(), v))
    .to_vec()
}

/// All twelve parameters at their limits: 64-character IDs, an InputURL whose key is 1,023
/// bytes percent-encoded, text at its byte limit in CJK, 16 tags of 32 bytes, the largest
/// CateId.
fn maximal() -> Vec<(String, String)> {
    let mut key = String::from("videos/");
    for b in cjk(1023 - key.len()).bytes() {
        if b.is_ascii_alphanumeric() {
            key.push(char::from(b));
        } else {
            key.push_str(&format!("%{b:02X}"));
        }
    }
    let tags = (0..16)
        .map(|i| format!("{i:02}{}", "t".repeat(30)))
        .collect::<Vec<_>>()
        .join(",");
    let cover = format!(
        "https://example-bucket.oss-cn-shanghai.aliyuncs.com/{}",
        "c".repeat(76)
    );
    [
        ("MediaId", "A_-9".repeat(16)),
        (
            "InputURL",
            format!("https://example-bucket.oss-cn-shanghai.aliyuncs.com/{key}"),
        ),
        ("BusinessType", "subtitles".to_owned()),
        ("Title", cjk(128)),
        ("Description", cjk(1024)),
        ("Category", cjk(64)),
        ("MediaTags", tags),
        ("CoverURL", cover),
        ("UserData", cjk(1024)),
        ("AppendTags", "true".to_owned()),
        ("CateId", i64::MAX.to_string()),
        ("ReferenceId", "r_-9".repeat(16)),
    ]
    .map(|(n, v)| (n.to_owned(), v))
    .to_vec()
}

/// A valid MediaId and five invalid parameters.
fn invalid() -> Vec<(String, String)> {
    [
        ("MediaId", MEDIA_ID.to_owned()),
        ("BusinessType", "video".to_owned()),
        ("Title", "x".repeat(131)),
        ("MediaTags", "news,,sports".to_owned()),
        ("CateId", "-5".to_owned()),
        ("ReferenceId", "abc".to_owned()),
    ]
    .map(|(n, v)| (n.to_owned(), v))
    .to_vec()
}

/// The pairs as `&str`s, the shape a web framework hands over.
fn borrowed(pairs: &[(String, String)]) -> Vec<(&str, &str)> {
    pairs
        .iter()
        .map(|(n, v)| (n.as_str(), v.as_str()))
        .collect()
}

/// The floor for building: the pairs copied into owned strings.
fn copy_pairs(pairs: &[(&str, &str)]) -> Vec<(String, String)> {
    pairs
        .iter()
        .map(|&(n, v)| (n.to_owned(), v.to_owned()))
        .collect()
}

/// The same pairs as an `application/x-www-form-urlencoded` string.
fn query(pairs: &[(&str, &str)]) -> String {
    let encode = |s: &str| {
        let mut out = String::new();
        for b in s.bytes() {
            if b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b'.' | b'~') {
                out.push(char::from(b));
            } else {
                out.push_str(&format!("%{b:02X}"));
            }
        }
        out
    };
    pairs
        .iter()
        .map(|(n, v)| format!("{n}={}", encode(v)))
        .collect::<Vec<_>>()
        .join("&")
}

/// The same pairs as a JSON object, `CateId` a number and `AppendTags` a boolean.
fn json(pairs: &[(&str, &str)]) -> String {
    let mut map = serde_json::Map::new();
    for &(n, v) in pairs {
        let value = match n {
            "CateId" => serde_json::Value::from(v.parse::<i64>().unwrap_or(-1)),
            "AppendTags" => serde_json::Value::from(v == "true"),
            _ => serde_json::Value::from(v),
        };
        map.insert(n.to_owned(), value);
    }
    serde_json::Value::Object(map).to_string()
}

fn parsing(c: &mut Criterion) {
    let requests = [
        ("typical", typical()),
        ("maximal", maximal()),
        ("invalid_5", invalid()),
    ];

    let mut g = c.benchmark_group("from_params");
    for (name, pairs) in &requests {
        let pairs = borrowed(pairs);
        let ours = UpdateMediaInfoRequest::from_params(pairs.iter().copied());
        let theirs = peer::from_params(&pairs);
        if *name == "invalid_5" {
            assert_eq!(ours.err().map(|e| e.errors().len()), Some(5), "{name}");
            assert_eq!(theirs.err().map(|e| e.len()), Some(5), "{name}");
        } else {
            assert!(ours.is_ok(), "{name}: {ours:?}");
            assert!(theirs.is_ok(), "{name}: {theirs:?}");
        }
        g.bench_function(format!("crate/{name}"), |b| {
            b.iter(|| {
                black_box(UpdateMediaInfoRequest::from_params(
                    black_box(&pairs).iter().copied(),
                ))
            })
        });
        g.bench_function(format!("floor_copy/{name}"), |b| {
            b.iter(|| black_box(copy_pairs(black_box(&pairs))))
        });
        g.bench_function(format!("garde/{name}"), |b| {
            b.iter(|| black_box(peer::from_params(black_box(&pairs))))
        });
    }
    g.finish();

    let mut g = c.benchmark_group("from_query");
    for (name, pairs) in &requests {
        let q = query(&borrowed(pairs));
        let direct = UpdateMediaInfoRequest::from_params(borrowed(pairs));
        assert_eq!(UpdateMediaInfoRequest::from_query(&q), direct, "{name}");
        g.bench_function(format!("crate/{name}"), |b| {
            b.iter(|| black_box(UpdateMediaInfoRequest::from_query(black_box(&q))))
        });
        g.bench_function(format!("floor_copy/{name}"), |b| {
            b.iter(|| {
                black_box(
                    black_box(&q)
                        .split('&')
                        .map(|s| s.split_once('=').unwrap_or((s, "")))
                        .map(|(n, v)| (n.to_owned(), v.to_owned()))
                        .collect::<Vec<_>>(),
                )
            })
        });
    }
    g.finish();

    let mut g = c.benchmark_group("json");
    for (name, pairs) in &requests[..2] {
        let text = json(&borrowed(pairs));
        let direct = UpdateMediaInfoRequest::from_params(borrowed(pairs)).ok();
        let decoded = serde_json::from_str::<UpdateMediaInfoRequest>(&text);
        assert_eq!(decoded.ok(), direct, "{name}");
        g.bench_function(format!("crate/{name}"), |b| {
            b.iter(|| {
                black_box(serde_json::from_str::<UpdateMediaInfoRequest>(black_box(
                    &text,
                )))
            })
        });
        g.bench_function(format!("floor_strings/{name}"), |b| {
            b.iter(|| black_box(serde_json::from_str::<peer::JsonStrings>(black_box(&text))))
        });
    }
    g.finish();
}

fn writing(c: &mut Criterion) {
    let mut g = c.benchmark_group("to_query");
    for (name, pairs) in [("typical", typical()), ("maximal", maximal())] {
        let request = UpdateMediaInfoRequest::from_params(borrowed(&pairs)).expect("valid");
        g.bench_function(format!("crate/{name}"), |b| {
            b.iter(|| black_box(black_box(&request).to_query()))
        });
        g.bench_function(format!("to_params/{name}"), |b| {
            b.iter(|| black_box(black_box(&request).to_params()))
        });
    }
    g.finish();
}

/// An asset with every field set and 8 tags, and a request that replaces every field and
/// appends 8 new tags (16 in all).
fn update_case() -> (MediaInfo, UpdateMediaInfoRequest) {
    let old = [
        ("MediaId", MEDIA_ID.to_owned()),
        ("BusinessType", "general".to_owned()),
        ("Title", "An old title".to_owned()),
        ("Description", ascii(300)),
        ("Category", "archive".to_owned()),
        (
            "MediaTags",
            (0..8)
                .map(|i| format!("old{i}"))
                .collect::<Vec<_>>()
                .join(","),
        ),
        (
            "CoverURL",
            "https://example-bucket.oss-cn-shanghai.aliyuncs.com/old.png".to_owned(),
        ),
        ("UserData", r#"{"owner":"old"}"#.to_owned()),
        ("CateId", "17".to_owned()),
        ("ReferenceId", "ref_2023-999".to_owned()),
    ];
    let seed = UpdateMediaInfoRequest::from_params(old).expect("valid");
    let mut media = MediaInfo::new(
        MEDIA_ID.parse().expect("valid"),
        "oss://example-bucket/videos/intro.mp4"
            .parse()
            .expect("valid"),
    );
    media = apply_update(&media, &seed).expect("applies").media;
    assert_eq!(media.media_tags.len(), 8);

    let new = [
        ("MediaId", MEDIA_ID.to_owned()),
        ("BusinessType", "subtitles".to_owned()),
        ("Title", "Summer sunset at the bay".to_owned()),
        ("Description", cjk(600)),
        ("Category", "travel".to_owned()),
        (
            "MediaTags",
            (0..8)
                .map(|i| format!("new{i}"))
                .collect::<Vec<_>>()
                .join(","),
        ),
        ("AppendTags", "true".to_owned()),
        (
            "CoverURL",
            "https://example-bucket.oss-cn-shanghai.aliyuncs.com/new.png".to_owned(),
        ),
        ("UserData", r#"{"owner":"new","priority":3}"#.to_owned()),
        ("CateId", "3048".to_owned()),
        ("ReferenceId", "ref_2024-001".to_owned()),
    ];
    let request = UpdateMediaInfoRequest::from_params(new).expect("valid");
    (media, request)
}

fn updating(c: &mut Criterion) {
    let (media, request) = update_case();
    // The result is the whole `UpdateOutcome`: the asset and the list of changed
    // parameters, which takes an allocation of its own when it is not empty. Cloning the
    // asset alone is measured beside it.
    let result = apply_update(&media, &request).expect("applies");
    assert_eq!(result.media.media_tags.len(), 16);
    assert_eq!(
        result.changed.len(),
        UpdateMediaInfoRequest::PARAMS.len() - 3
    );

    let (full, again) = full_asset_case();
    let unchanged = apply_update(&full, &again).expect("applies");
    assert!(unchanged.changed.is_empty() && unchanged.media == full);

    let mut g = c.benchmark_group("apply_update");
    g.bench_function("crate/replace_all_append_8", |b| {
        b.iter(|| black_box(apply_update(black_box(&media), black_box(&request))))
    });
    g.bench_function("floor_clone_result/replace_all_append_8", |b| {
        b.iter(|| black_box(black_box(&result).clone()))
    });
    g.bench_function("clone_media/replace_all_append_8", |b| {
        b.iter(|| black_box(black_box(&result.media).clone()))
    });
    g.bench_function("crate/full_append_16", |b| {
        b.iter(|| black_box(apply_update(black_box(&full), black_box(&again))))
    });
    g.bench_function("floor_clone_result/full_append_16", |b| {
        b.iter(|| black_box(black_box(&unchanged).clone()))
    });
    g.finish();
}

/// A full asset (every field at its limit, 16 tags of 32 bytes) and a request that appends
/// its 16 tags again, in the reverse order: every tag is compared with every tag, and the
/// asset comes out unchanged (the retry of an append).
fn full_asset_case() -> (MediaInfo, UpdateMediaInfoRequest) {
    let pairs = maximal();
    let fill = UpdateMediaInfoRequest::from_params(borrowed(&pairs)).expect("valid");
    let value = |name: &str| {
        pairs
            .iter()
            .find(|(n, _)| n == name)
            .map(|(_, v)| v.clone())
            .expect("present")
    };
    let empty = MediaInfo::new(
        value("MediaId").parse().expect("valid"),
        value("InputURL").parse().expect("valid"),
    );
    let full = apply_update(&empty, &fill).expect("applies").media;
    assert_eq!(full.media_tags.len(), 16);
    let reversed = value("MediaTags").rsplit(',').collect::<Vec<_>>().join(",");
    let again = UpdateMediaInfoRequest::from_params([
        ("MediaId", value("MediaId")),
        ("MediaTags", reversed),
        ("AppendTags", "true".to_owned()),
    ])
    .expect("valid");
    (full, again)
}

/// 10 MiB hostile queries, one per shape that once made `from_query` copy the whole value,
/// and a 10 MiB JSON request, beside one pass over their bytes: a query past 64 KiB is
/// refused whole at once (about 4 µs each, a search of its first 64 KiB for the segment at
/// the limit, whatever its length); the JSON request is refused once serde_json has read it.
fn hostile_inputs() -> Vec<(&'static str, String)> {
    const SIZE: usize = 10 << 20;
    let esc = |s: &str| s.bytes().map(|b| format!("%{b:02X}")).collect::<String>();
    let target = "InputURL=oss%3A%2F%2Fexample-bucket%2Fa.mp4";
    let third = SIZE / 3;
    let spaces = "%20".repeat(third / 2);
    vec![
        (
            "media_tags_commas",
            format!("{target}&MediaTags={}", "%2C".repeat(third)),
        ),
        (
            "media_tags_padded",
            format!("{target}&MediaTags={spaces}a%2C{spaces}b"),
        ),
        (
            "media_id",
            format!("{target}&MediaId={}", "%41".repeat(third)),
        ),
        (
            "reference_id_plus",
            format!("{target}&ReferenceId={}", "+".repeat(SIZE)),
        ),
        (
            "cate_id_zeros",
            format!("{target}&CateId={}7", "%30".repeat(third)),
        ),
        (
            "business_type",
            format!("{target}&BusinessType={}", "%41".repeat(third)),
        ),
        (
            "append_tags",
            format!("{target}&AppendTags={}", "%41".repeat(third)),
        ),
        ("action", format!("{target}&Action={}", "%41".repeat(third))),
        (
            "escaped_name",
            format!("{target}&{}=1", esc(&"A".repeat(third))),
        ),
        (
            "signature",
            format!("{target}&Signature={}", "%41".repeat(third)),
        ),
        ("title", format!("{target}&Title={}", "%41".repeat(third))),
    ]
}

fn hostile(c: &mut Criterion) {
    let mut g = c.benchmark_group("hostile_10MiB");
    g.sample_size(10);
    for (name, q) in hostile_inputs() {
        g.bench_function(format!("crate/{name}"), |b| {
            b.iter(|| black_box(UpdateMediaInfoRequest::from_query(black_box(&q))))
        });
        g.bench_function(format!("floor_scan/{name}"), |b| {
            b.iter(|| black_box(black_box(&q).bytes().filter(|&b| b == b'%').count()))
        });
    }
    let json = format!(
        r#"{{"InputURL": "oss://example-bucket/a.mp4", "MediaTags": "{}a,b"}}"#,
        " ".repeat(10 << 20)
    );
    g.bench_function("crate/json_media_tags_padded", |b| {
        b.iter(|| {
            black_box(serde_json::from_str::<UpdateMediaInfoRequest>(black_box(
                &json,
            )))
        })
    });
    g.bench_function("floor_scan/json_media_tags_padded", |b| {
        b.iter(|| {
            black_box(serde_json::from_str::<serde::de::IgnoredAny>(black_box(
                &json,
            )))
        })
    });
    g.finish();
}

/// A typical registration as the SDKs send it: an OSS InputURL, a title, a 200-byte
/// description, four tags, a small UserData object, a CateId, a RegisterConfig, Overwrite.
fn typical_registration() -> Vec<(String, String)> {
    [
        (
            "InputURL",
            "https://example-bucket.oss-cn-shanghai.aliyuncs.com/videos/intro.mp4".to_owned(),
        ),
        ("Title", "Summer sunset at the bay".to_owned()),
        ("Description", ascii(200)),
        ("MediaTags", "news,sports,travel,vlog".to_owned()),
        (
            "UserData",
            r#"{"NotifyAddress":"http://example.com/cb"}"#.to_owned(),
        ),
        ("CateId", "3048".to_owned()),
        (
            "RegisterConfig",
            r#"{"NeedSprite":"false","NeedSnapshot":true}"#.to_owned(),
        ),
        ("Overwrite", "True".to_owned()),
    ]
    .map(|(n, v)| (n.to_owned(), v))
    .to_vec()
}

/// RegisterMediaInfo's `from_params` for a typical registration, beside copying its pairs and
/// beside the garde peer.
fn registering(c: &mut Criterion) {
    let owned = typical_registration();
    let pairs = borrowed(&owned);
    assert!(ims_media::RegisterMediaInfoRequest::from_params(pairs.iter().copied()).is_ok());
    assert!(peer::register::from_params(&pairs).is_ok());
    let mut g = c.benchmark_group("register_from_params");
    g.bench_function("crate/typical", |b| {
        b.iter(|| {
            black_box(ims_media::RegisterMediaInfoRequest::from_params(
                black_box(&pairs).iter().copied(),
            ))
        })
    });
    g.bench_function("floor_copy/typical", |b| {
        b.iter(|| black_box(copy_pairs(black_box(&pairs))))
    });
    g.bench_function("garde/typical", |b| {
        b.iter(|| black_box(peer::register::from_params(black_box(&pairs))))
    });
    g.finish();
}

fn main() {
    let since = SystemTime::now();
    let mut c = common::config();
    parsing(&mut c);
    writing(&mut c);
    updating(&mut c);
    hostile(&mut c);
    registering(&mut c);
    c.final_summary();
    let mut ratios = vec![
        ratio(
            "from_params typical / copy the pairs",
            "from_params/crate/typical",
            "from_params/floor_copy/typical",
            "≤ 2×",
        ),
        ratio(
            "RegisterMediaInfo from_params typical / copy the pairs",
            "register_from_params/crate/typical",
            "register_from_params/floor_copy/typical",
            "≤ 2×",
        ),
        ratio(
            "RegisterMediaInfo from_params typical / garde peer",
            "register_from_params/crate/typical",
            "register_from_params/garde/typical",
            "< 1×",
        ),
        ratio(
            "from_params maximal / copy the pairs",
            "from_params/crate/maximal",
            "from_params/floor_copy/maximal",
            "",
        ),
        ratio(
            "apply_update / clone the result",
            "apply_update/crate/replace_all_append_8",
            "apply_update/floor_clone_result/replace_all_append_8",
            "≤ 1.5×",
        ),
        ratio(
            "apply_update / clone the asset alone (the result without its list of changes)",
            "apply_update/crate/replace_all_append_8",
            "apply_update/clone_media/replace_all_append_8",
            "",
        ),
        ratio(
            "apply_update full asset, its 16 tags appended again / clone the result",
            "apply_update/crate/full_append_16",
            "apply_update/floor_clone_result/full_append_16",
            "≤ 1.5×",
        ),
    ];
    for name in ["typical", "maximal", "invalid_5"] {
        ratios.push(ratio(
            format!("from_params {name} / garde peer"),
            format!("from_params/crate/{name}"),
            format!("from_params/garde/{name}"),
            "< 1×",
        ));
    }
    for name in ["typical", "maximal"] {
        ratios.push(ratio(
            format!("from_query {name} / copy the pairs"),
            format!("from_query/crate/{name}"),
            format!("from_query/floor_copy/{name}"),
            "",
        ));
        ratios.push(ratio(
            format!("JSON {name} / serde into strings"),
            format!("json/crate/{name}"),
            format!("json/floor_strings/{name}"),
            "",
        ));
    }
    let shapes = hostile_inputs().into_iter().map(|(name, _)| name);
    for name in shapes.chain(["json_media_tags_padded"]) {
        ratios.push(ratio(
            format!("10 MiB {name} / one pass over the bytes"),
            format!("hostile_10MiB/crate/{name}"),
            format!("hostile_10MiB/floor_scan/{name}"),
            "linear",
        ));
    }
    print_ratios("Requests", &ratios, since);
}
