//! The command-line example , run as a program: `--json` on standard input with its
//! exit statuses, the demonstration, and the refusal of unknown arguments.
//!
//! The example binary is built through cargo once per run of this file, with this test's
//! features and profile: a no-op when `cargo test` has already built it (it builds the
//! examples with the tests), and never a stale binary when only this file is run
//! (`cargo test --test example_cli` builds no example).
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use crate::common::messages;
use std::io::Write;
use std::path::PathBuf;
use std::process::{Command, Stdio};
use std::sync::OnceLock;

use serde_json::{json, Value};

const ID: &str = "2b36bd19c13f4145b094c0cad80dbce5";
const URL: &str = "https://example-bucket.oss-cn-shanghai.aliyuncs.com/videos/intro.mp4";

/// The path of the built `update_media_info` example.
fn example() -> &'static PathBuf {
    static PATH: OnceLock<PathBuf> = OnceLock::new();
    PATH.get_or_init(|| built_example("update_media_info"))
}

/// Builds the example `name` with the features this test was built with, and returns its
/// path, from cargo's own report of what it built.
fn built_example(name: &str) -> PathBuf {
    let mut features = vec!["serde"];
    if cfg!(feature = "proptest") {
        features.push("proptest");
    }
    if cfg!(feature = "arbitrary") {
        features.push("arbitrary");
    }
    let mut cargo = Command::new(env!("CARGO"));
    cargo
        .args(["build", "--quiet", "--message-format=json", "--example"])
        .arg(name)
        .arg("--features")
        .arg(features.join(","))
        .arg("--manifest-path")
        .arg(concat!(env!("CARGO_MANIFEST_DIR"), "/Cargo.toml"));
    if !cfg!(debug_assertions) {
        cargo.arg("--release");
    }
    let out = cargo.output().expect("cargo runs");
    assert!(
        out.status.success(),
        "building the example failed:\n{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let stdout = String::from_utf8(out.stdout).unwrap();
    let path = stdout
        .lines()
        .filter_map(|line| serde_json::from_str::<Value>(line).ok())
        .filter(|m| m["target"]["name"] == name)
        .find_map(|m| m["executable"].as_str().map(PathBuf::from))
        .expect("cargo reports the example's executable");
    // It is where `cargo test` puts examples: next to this test's own directory.
    let here = std::env::current_exe().unwrap();
    let beside = here.parent().and_then(|deps| deps.parent()).unwrap();
    assert_eq!(path.parent(), Some(beside.join("examples").as_path()));
    path
}

struct Run {
    status: i32,
    stdout: String,
    stderr: String,
}

#[track_caller]
fn run(args: &[&str], stdin: &str) -> Run {
    let mut child = Command::new(example())
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    // The demonstration does not read its input: a closed pipe is fine.
    let _ = child.stdin.take().unwrap().write_all(stdin.as_bytes());
    let out = child.wait_with_output().unwrap();
    Run {
        status: out.status.code().expect("exited, not killed"),
        stdout: String::from_utf8(out.stdout).unwrap(),
        stderr: String::from_utf8(out.stderr).unwrap(),
    }
}

/// `--json` with `input`: the exit status and the one JSON line it wrote (nothing on stderr).
#[track_caller]
fn json_run(input: &Value) -> (i32, Value, String) {
    let r = run(&["--json"], &input.to_string());
    assert_eq!(r.stderr, "");
    assert!(r.stdout.ends_with('\n'), "{:?}", r.stdout);
    assert_eq!(r.stdout.trim_end().lines().count(), 1, "{:?}", r.stdout);
    let v = serde_json::from_str(&r.stdout).unwrap();
    (r.status, v, r.stdout.trim_end().to_owned())
}

/// `--json` with `input` is refused as input: exit 2, nothing on stdout, a message on stderr.
#[track_caller]
fn bad_input(input: &str, stderr_starts: &str) {
    let r = run(&["--json"], input);
    assert_eq!(r.status, 2, "{input:?}: {}", r.stdout);
    assert_eq!(r.stdout, "", "{input:?}");
    assert!(
        r.stderr.starts_with(stderr_starts),
        "{input:?}: {:?}",
        r.stderr
    );
    assert!(r.stderr.ends_with('\n'));
}

fn media() -> Value {
    json!({"MediaId": ID, "InputURL": URL, "Title": "Intro", "MediaTags": "news,sports", "CateId": 3048})
}

#[test]
fn json_success_writes_media_and_changed() {
    let input = json!({
        "media": media(),
        "params": [
            ["Action", "UpdateMediaInfo"],
            ["InputURL", "oss://example-bucket/videos/intro.mp4"],
            ["Title", "New 界"],
            ["MediaTags", "weather,news"],
            ["AppendTags", "True"],
            ["CateId", ""]
        ]
    });
    let (status, out, line) = json_run(&input);
    assert_eq!(status, 0);
    assert_eq!(
        out,
        json!({
            "media": {
                "MediaId": ID,
                "InputURL": URL,
                "Title": "New 界",
                "MediaTags": "news,sports,weather"
            },
            "changed": ["Title", "MediaTags", "CateId"]
        })
    );
    // Members in the documented order, UTF-8 as it is.
    assert_eq!(
        line,
        format!(
            "{{\"media\":{{\"MediaId\":\"{ID}\",\"InputURL\":\"{URL}\",\"Title\":\"New 界\",\
             \"MediaTags\":\"news,sports,weather\"}},\"changed\":[\"Title\",\"MediaTags\",\"CateId\"]}}"
        )
    );
    // Nothing to change: an empty list, exit 0.
    let (status, out, _) =
        json_run(&json!({"media": media(), "params": [["MediaId", ID], ["Title", "Intro"]]}));
    assert_eq!((status, &out["changed"]), (0, &json!([])));
    assert_eq!(out["media"], media());
}

/// `media` exactly as GetMediaInfo returns it: read-only members, a cover signed for
/// reading (223 bytes, beyond CoverURL's 128), empty strings for members not set.
fn returned_media() -> Value {
    json!({
        "MediaId": ID, "InputURL": URL, "Title": "Intro", "Description": "", "MediaTags": "news",
        "CoverURL": SIGNED_COVER, "CateId": 3048, "CateName": "sports", "MediaType": "video",
        "Status": "Normal", "Source": "oss", "Biz": "ICE", "CreateTime": "2020-12-26T04:11:08Z",
        "ModifiedTime": "2020-12-26T04:11:10Z", "Snapshots": "[]", "UploadSource": "general",
        "SomeFutureMember": {"nested": [1, 2]}
    })
}

const SIGNED_COVER: &str = "http://example-bucket.oss-cn-shanghai.aliyuncs.com/example.png\
    ?Expires=1700000000&OSSAccessKeyId=LTAI4Fk9FstqSEYnqKJ5Dpeo&Signature=gTOiDCFC0uW9wr27XC0Ej4mn0rY%3D\
    &security-token=CAISxQJ1q6Ft5B2yfSjIr5bkJY7";

#[test]
fn json_reads_media_as_get_media_info_returns_it() {
    assert!(SIGNED_COVER.len() > 128);
    // Title changed: the read-only members, the members the crate does not model and the
    // signed cover come back as they were.
    let (status, out, _) = json_run(&json!({
        "media": returned_media(),
        "params": [["MediaId", ID], ["Title", "New"]]
    }));
    assert_eq!((status, &out["changed"]), (0, &json!(["Title"])));
    let mut expected = returned_media();
    expected["Title"] = json!("New");
    assert_eq!(out["media"], expected);

    // The cover set to the same image without the signature is no change.
    let unsigned = "http://example-bucket.oss-cn-shanghai.aliyuncs.com/example.png";
    let (status, out, _) = json_run(&json!({
        "media": returned_media(),
        "params": [["MediaId", ID], ["CoverURL", unsigned]]
    }));
    assert_eq!((status, &out["changed"]), (0, &json!([])));
    assert_eq!(out["media"]["CoverURL"], SIGNED_COVER);

    // Another cover replaces it; a cleared one goes.
    let other = "https://example.com/other.png";
    let (status, out, _) = json_run(&json!({
        "media": returned_media(),
        "params": [["MediaId", ID], ["CoverURL", other]]
    }));
    assert_eq!((status, &out["changed"]), (0, &json!(["CoverURL"])));
    assert_eq!(out["media"]["CoverURL"], other);
    let (_, out, _) = json_run(&json!({
        "media": returned_media(),
        "params": [["MediaId", ID], ["CoverURL", ""]]
    }));
    assert_eq!(out["changed"], json!(["CoverURL"]));
    assert!(out["media"].get("CoverURL").is_none(), "{out}");
}

#[test]
fn json_request_errors_exit_1() {
    let input = json!({
        "media": media(),
        "params": [["Tittle", "x"], ["Title", "a"], ["Title", "b"], ["CateId", "-5"]]
    });
    let (status, out, line) = json_run(&input);
    assert_eq!(status, 1);
    assert_eq!(
        out,
        json!({"errors": [
            {"param": "MediaId", "code": "MissingParameter", "message": messages::MISSING_TARGET},
            {"param": "Title", "code": "InvalidParameter", "message": messages::TITLE_TWICE},
            {"param": "CateId", "code": "InvalidParameter", "message": messages::CATE_ID_MINUS_5},
            {"param": "Tittle", "code": "InvalidParameter", "message": messages::UNKNOWN_TITTLE}
        ]})
    );
    assert!(
        line.starts_with(
            "{\"errors\":[{\"param\":\"MediaId\",\"code\":\"MissingParameter\",\"message\":"
        ),
        "{line}"
    );
}

#[test]
fn json_more_errors_than_listed_says_how_many() {
    let mut params = vec![json!(["MediaId", ID])];
    params.extend((0..100).map(|i| json!([format!("X{i:03}"), "v"])));
    let (status, out, _) = json_run(&json!({"media": media(), "params": params}));
    assert_eq!(status, 1);
    assert_eq!(out["errors"].as_array().unwrap().len(), 64);
    assert_eq!(out["omitted"], json!(36));
}

#[test]
fn json_update_errors_exit_1() {
    let other = "ffffbd19c13f4145b094c0cad80dffff";
    let (status, out, _) =
        json_run(&json!({"media": media(), "params": [["MediaId", other], ["Title", "x"]]}));
    assert_eq!(status, 1);
    assert_eq!(
        out,
        json!({"errors": [{
            "param": "MediaId",
            "code": "ResourceNotFound",
            "message": format!("no media asset has MediaId \"{other}\"")
        }]})
    );
    let tags: Vec<String> = (0..16).map(|i| format!("t{i}")).collect();
    let mut full = media();
    full["MediaTags"] = json!(tags.join(","));
    let (status, out, _) = json_run(&json!({
        "media": full,
        "params": [["MediaId", ID], ["MediaTags", "new"], ["AppendTags", "true"]]
    }));
    assert_eq!(status, 1);
    assert_eq!(
        out,
        json!({"errors": [{
            "param": "MediaTags",
            "code": "InvalidParameter",
            "message": messages::APPEND_17_TAGS
        }]})
    );
}

#[test]
fn json_extra_members_are_ignored() {
    let input = json!({
        "name": "a conformance case",
        "media": media(),
        "params": [["MediaId", ID], ["Category", "c"]],
        "expect": {"changed": ["Category"]}
    });
    let (status, out, _) = json_run(&input);
    assert_eq!((status, &out["changed"]), (0, &json!(["Category"])));
}

#[test]
fn invalid_input_exits_2_with_a_message() {
    const NOT: &str = "standard input is not a {\"media\", \"params\"} object: ";
    bad_input("", NOT);
    bad_input("not json", NOT);
    bad_input("[]", NOT);
    // The members as an array are not the documented object.
    bad_input(
        &json!([media(), [["MediaId", ID], ["Title", "x"]]]).to_string(),
        &format!("{NOT}not a JSON object"),
    );
    bad_input("{\"media\": {}}", NOT);
    bad_input(&json!({"params": []}).to_string(), NOT);
    bad_input(
        &json!({"media": media()}).to_string(),
        &format!("{NOT}missing field `params`"),
    );
    bad_input(
        &json!({"media": media(), "params": {"MediaId": ID}}).to_string(),
        NOT,
    );
    bad_input(
        &json!({"media": media(), "params": [["MediaId"]]}).to_string(),
        NOT,
    );
    bad_input(
        &json!({"media": media(), "params": [["CateId", 5]]}).to_string(),
        NOT,
    );
    bad_input(
        &format!("{} {}", json!({"media": media(), "params": []}), "{}"),
        NOT,
    );
    // A stored asset that is not valid is not such an object either.
    let mut bad_media = media();
    bad_media["Title"] = json!("x".repeat(129));
    bad_input(
        &json!({"media": bad_media, "params": [["MediaId", ID]]}).to_string(),
        &format!("{NOT}invalid Title: 129 bytes, at most 128 allowed"),
    );
    let r = run(&["--json"], "\u{0}\u{1}");
    assert_eq!(r.status, 2);
}

#[test]
fn no_arguments_run_the_demonstration() {
    let r = run(&[], "");
    assert_eq!(r.status, 0, "{}", r.stderr);
    assert_eq!(r.stderr, "");
    for part in [
        "GetMediaInfo response:\n",
        "stored asset (the cover without its signature):\n{\n  \"MediaId\": \"2b36bd19c13f4145b094c0cad80dbce5\",",
        "  \"CoverURL\": \"http://example-bucket.oss-cn-shanghai.aliyuncs.com/intro.png\",\n",
        "update request (query form):\n",
        "What this shows: ",
        "changed: BusinessType, Title, MediaTags\n",
        "sports is already a tag and is skipped, \" weather\" is trimmed and added\n",
        "its problems, all found at once, in parameter order:\n  invalid MediaId: ",
        "\n  invalid CateId: \"-5\" out of range, 1 to 9223372036854775807 allowed\n",
        "the oss:// InputURL found the asset: it names the same bucket and key",
        "Description= is not a change: the asset had no description to clear\n",
        "the same request again changes: []\n",
        "{\"BusinessType\":\"opening\",\"Title\":\"Opening night — 开幕\",\"MediaTags\":\"news,sports,weather\"}\n",
        "200 {\"RequestId\":",
        "rejected request:\n",
        "400 {\n  \"RequestId\": \"7A1C2E3D-0B4F-4C5D\",",
        "\"Message\": \"invalid MediaId: character '*' at byte 0 not allowed",
        "unknown parameter \\\"Tittle\\\": not a parameter of UpdateMediaInfo, did you mean Title\"\n}",
    ] {
        assert!(r.stdout.contains(part), "missing {part:?} in:\n{}", r.stdout);
    }
}

/// The service handler example: five requests, their statuses, the asset stored back; a
/// stored document found but unreadable is 500 `InternalError`, not 404.
#[test]
fn the_service_handler_example_answers_and_stores() {
    let out = Command::new(built_example("service_handler"))
        .output()
        .unwrap();
    let stdout = String::from_utf8(out.stdout).unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "{stdout}{stderr}");
    for part in [
        "-> 200 {\"RequestId\":\"request-0\"",
        "-> 404 {\"RequestId\":\"request-1\",\"HostId\":\"ice.cn-shanghai.aliyuncs.com\",\"Code\":\"ResourceNotFound\"",
        "-> 400 {\"RequestId\":\"request-2\"",
        // Found but unreadable: the service's fault, never hidden behind a 404.
        "-> 500 {\"RequestId\":\"request-3\",\"HostId\":\"ice.cn-shanghai.aliyuncs.com\",\"Code\":\"InternalError\",\"Message\":\"the stored media document cannot be read\"}",
        "-> 500 {\"RequestId\":\"request-4\",\"HostId\":\"ice.cn-shanghai.aliyuncs.com\",\"Code\":\"InternalError\",\"Message\":\"the stored media asset is not valid\"}",
        "\"MediaTags\": \"news,sports\",",
        "\"Title\": \"Opening\"",
        "\"FileName\": \"intro.mp4\"",
    ] {
        assert!(stdout.contains(part), "missing {part:?} in:\n{stdout}");
    }
    // The cleared Description is gone from the stored document, not left behind.
    assert!(!stdout.contains("\"Description\""), "{stdout}");
}

#[test]
fn unknown_arguments_exit_2() {
    for args in [
        &["--bogus"][..],
        &["--json", "extra"],
        &["json"],
        &["--JSON"],
        &["-j"],
    ] {
        let r = run(args, "");
        assert_eq!(r.status, 2, "{args:?}");
        assert_eq!(r.stdout, "", "{args:?}");
        assert_eq!(r.stderr, "usage: update_media_info [--json]\n", "{args:?}");
    }
}
