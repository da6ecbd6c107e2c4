//! The requests the official Python SDKs sent for UpdateMediaInfo, captured on a local
//! listener by `tests/data/sdk_requests/capture.py` (see the README beside it): each is parsed
//! with `UpdateMediaInfoRequest::from_query` and checked field by field against the arguments
//! the SDK was given.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::collections::{BTreeMap, BTreeSet};
use std::fmt::Debug;

use ims_media::{CateId, FieldUpdate, MediaTarget, Param, TagsUpdate, UpdateMediaInfoRequest};
use serde::Deserialize;
use serde_json::{Map, Value};

const DATA: &str = include_str!("../data/sdk_requests/requests.json");

const TEA: &str = "alibabacloud-ice20201109 6.20.2 (alibabacloud-tea-openapi 0.4.6)";
const CORE: &str = "aliyun-python-sdk-ice 1.0.2 (aliyun-python-sdk-core 2.16.1)";

/// Every SDK and mode captured, with the least number of valid and of invalid requests each.
const MODES: [(&str, &str); 6] = [
    (TEA, "v3"),
    (TEA, "v2"),
    (TEA, "bearer"),
    (TEA, "bearer-v3"),
    (CORE, "core-POST"),
    (CORE, "core-GET"),
];
const MIN_VALID: usize = 8;
const MIN_INVALID: usize = 1;

/// One captured request (the README describes the fields).
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct Record {
    sdk: String,
    mode: String,
    case: String,
    expect: String,
    /// The arguments given to the SDK, under their wire names.
    sent: Map<String, Value>,
    #[serde(default)]
    invalid_params: Vec<String>,
    method: String,
    target: String,
    headers: BTreeMap<String, String>,
    body: String,
}

impl Record {
    fn label(&self) -> String {
        format!("{} / {} / {}", self.sdk, self.mode, self.case)
    }

    /// The parameters as the crate reads them: the query of the request target, joined with
    /// `&` to a form body when there is one.
    fn wire(&self) -> Result<String, String> {
        let (path, query) = self.target.split_once('?').unwrap_or((&self.target, ""));
        if path != "/" {
            return Err(format!("path {path:?}, expected \"/\""));
        }
        let form = self
            .headers
            .get("content-type")
            .is_some_and(|c| c.starts_with("application/x-www-form-urlencoded"));
        match (form, self.body.is_empty()) {
            (_, true) => Ok(query.to_owned()),
            (true, false) if query.is_empty() => Ok(self.body.clone()),
            (true, false) => Ok(format!("{query}&{}", self.body)),
            (false, false) => Err(format!("a body that is not a form: {:?}", self.body)),
        }
    }

    fn sent_str(&self, name: &str) -> Option<&str> {
        self.sent.get(name).and_then(Value::as_str)
    }
}

fn records() -> Vec<Record> {
    serde_json::from_str(DATA).expect("requests.json is an array of records")
}

/// The names of a query, undecoded, in order.
fn names(query: &str) -> Vec<&str> {
    query
        .split('&')
        .filter(|s| !s.is_empty())
        .map(|s| s.split_once('=').map_or(s, |(n, _)| n))
        .collect()
}

fn value<'a>(query: &'a str, name: &str) -> Option<&'a str> {
    query
        .split('&')
        .filter_map(|s| s.split_once('='))
        .find(|(n, _)| *n == name)
        .map(|(_, v)| v)
}

/// A field that takes a text value: absent keeps it, `""` clears it, a value sets it.
fn check_text<T: AsRef<str> + Debug>(
    r: &Record,
    name: &str,
    got: &FieldUpdate<T>,
    problems: &mut Vec<String>,
) {
    let ok = match (r.sent.get(name), got) {
        (None, FieldUpdate::Keep) => true,
        (Some(Value::String(s)), FieldUpdate::Clear) => s.is_empty(),
        (Some(Value::String(s)), FieldUpdate::Set(v)) => v.as_ref() == s,
        _ => false,
    };
    if !ok {
        problems.push(format!(
            "{name}: sent {:?}, parsed {got:?}",
            r.sent.get(name)
        ));
    }
}

fn check_cate_id(r: &Record, got: &FieldUpdate<CateId>, problems: &mut Vec<String>) {
    let ok = match (r.sent.get("CateId"), got) {
        (None, FieldUpdate::Keep) => true,
        (Some(Value::String(s)), FieldUpdate::Clear) => s.is_empty(),
        (Some(Value::Number(n)), FieldUpdate::Set(v)) => n.as_i64() == Some(v.get()),
        _ => false,
    };
    if !ok {
        problems.push(format!(
            "CateId: sent {:?}, parsed {got:?}",
            r.sent.get("CateId")
        ));
    }
}

/// The tags a `MediaTags` value names, computed here independently of the crate: split on
/// `,`, each trimmed, duplicates after the first dropped; all white space is no tags.
fn expected_tags(sent: &str) -> Vec<&str> {
    if sent.trim().is_empty() {
        return Vec::new();
    }
    let mut out: Vec<&str> = Vec::new();
    for tag in sent.split(',').map(str::trim) {
        if !out.contains(&tag) {
            out.push(tag);
        }
    }
    out
}

fn check_tags(r: &Record, got: &TagsUpdate, problems: &mut Vec<String>) {
    let append = r.sent.get("AppendTags").and_then(Value::as_bool) == Some(true);
    let ok = match (r.sent_str("MediaTags"), got) {
        (None, TagsUpdate::Keep) => true,
        (Some(s), TagsUpdate::Append(tags)) if append => {
            tags.iter().map(|t| t.as_str()).collect::<Vec<_>>() == expected_tags(s)
        }
        (Some(s), TagsUpdate::Replace(tags)) if !append => {
            tags.iter().map(|t| t.as_str()).collect::<Vec<_>>() == expected_tags(s)
        }
        _ => false,
    };
    if !ok {
        problems.push(format!(
            "MediaTags/AppendTags: sent {:?}/{:?}, parsed {got:?}",
            r.sent.get("MediaTags"),
            r.sent.get("AppendTags")
        ));
    }
}

fn check_target(r: &Record, got: &MediaTarget, problems: &mut Vec<String>) {
    let id = r.sent_str("MediaId").filter(|s| !s.is_empty());
    let url = r.sent_str("InputURL").filter(|s| !s.is_empty());
    let ok = match (id, url, got) {
        (
            Some(id),
            url,
            MediaTarget::MediaId {
                id: got_id,
                input_url,
            },
        ) => got_id.as_str() == id && input_url.as_ref().map(|u| u.as_str()) == url,
        (None, Some(url), MediaTarget::InputUrl(got_url)) => got_url.as_str() == url,
        _ => false,
    };
    if !ok {
        problems.push(format!(
            "target: sent MediaId {:?} InputURL {:?}, parsed {got:?}",
            r.sent.get("MediaId"),
            r.sent.get("InputURL")
        ));
    }
}

/// Every field of a parsed request against the arguments the SDK was given.
fn check_fields(r: &Record, req: &UpdateMediaInfoRequest) -> Vec<String> {
    let mut problems = Vec::new();
    check_target(r, &req.target, &mut problems);
    check_text(r, "BusinessType", &req.business_type, &mut problems);
    check_text(r, "Title", &req.title, &mut problems);
    check_text(r, "Description", &req.description, &mut problems);
    check_text(r, "Category", &req.category, &mut problems);
    check_tags(r, &req.media_tags, &mut problems);
    check_text(r, "CoverURL", &req.cover_url, &mut problems);
    check_text(r, "UserData", &req.user_data, &mut problems);
    check_cate_id(r, &req.cate_id, &mut problems);
    check_text(r, "ReferenceId", &req.reference_id, &mut problems);
    problems
}

/// How the request travelled, as the README describes it for each mode.
fn check_transport(r: &Record, query: &str) -> Vec<String> {
    let mut problems = Vec::new();
    let want_method = if r.mode == "core-GET" { "GET" } else { "POST" };
    if r.method != want_method {
        problems.push(format!("method {}, expected {want_method}", r.method));
    }
    for (header, want) in [
        ("x-acs-action", "UpdateMediaInfo"),
        ("x-acs-version", "2020-11-09"),
    ] {
        if r.headers.get(header).map(String::as_str) != Some(want) {
            problems.push(format!("header {header}: {:?}", r.headers.get(header)));
        }
    }
    // The signature v3 modes carry Action and Version in headers only; the others in the query.
    let in_query = !r.mode.ends_with("v3");
    for (name, want) in [("Action", "UpdateMediaInfo"), ("Version", "2020-11-09")] {
        let got = value(query, name);
        if got != in_query.then_some(want) {
            problems.push(format!("query {name}: {got:?}"));
        }
    }
    let bearer = r.mode.starts_with("bearer");
    let signature_type = value(query, "SignatureType");
    let want = match r.mode.as_str() {
        "bearer" | "bearer-v3" => Some("BEARERTOKEN"),
        "core-POST" | "core-GET" => Some(""),
        _ => None,
    };
    if signature_type != want {
        problems.push(format!("query SignatureType: {signature_type:?}"));
    }
    let token = value(query, "BearerToken");
    if token != (r.mode == "bearer").then_some("testbearertoken") {
        problems.push(format!("query BearerToken: {token:?}"));
    }
    let header_token = r.headers.get("x-acs-bearer-token").map(String::as_str);
    if header_token != (r.mode == "bearer-v3").then_some("testbearertoken") {
        problems.push(format!("header x-acs-bearer-token: {header_token:?}"));
    }
    if bearer && value(query, "Signature").is_some() {
        problems.push("a bearer request carries a Signature".to_owned());
    }
    problems
}

/// Each sent name appears once on the wire (empty values included: no SDK drops them).
fn check_names_sent(r: &Record, query: &str) -> Vec<String> {
    let names = names(query);
    r.sent
        .keys()
        .filter_map(|k| {
            let found = names.iter().filter(|n| *n == k).count();
            (found != 1).then(|| format!("{k} sent once, found {found} times on the wire"))
        })
        .collect()
}

#[test]
fn every_captured_request_parses_to_what_the_sdk_was_given() {
    let mut failures = Vec::new();
    for r in records() {
        let mut problems = Vec::new();
        for name in r.sent.keys() {
            if name.parse::<Param>().is_err() {
                problems.push(format!("sent {name:?} is not a parameter name"));
            }
        }
        let query = match r.wire() {
            Ok(q) => q,
            Err(e) => {
                failures.push(format!("{}: {e}", r.label()));
                continue;
            }
        };
        problems.extend(check_transport(&r, &query));
        problems.extend(check_names_sent(&r, &query));
        match (
            r.expect.as_str(),
            UpdateMediaInfoRequest::from_query(&query),
        ) {
            ("valid", Ok(req)) => problems.extend(check_fields(&r, &req)),
            ("valid", Err(e)) => problems.push(format!("refused: {e}")),
            ("invalid", Ok(req)) => problems.push(format!("accepted: {req:?}")),
            ("invalid", Err(e)) => {
                let got: BTreeSet<&str> = e.errors().iter().map(|e| e.param()).collect();
                let want: BTreeSet<&str> = r.invalid_params.iter().map(String::as_str).collect();
                if got != want || e.omitted() != 0 {
                    problems.push(format!("refused for {got:?}, expected {want:?}: {e}"));
                }
            }
            (other, _) => problems.push(format!("expect {other:?}, not valid or invalid")),
        }
        failures.extend(problems.into_iter().map(|p| format!("{}: {p}", r.label())));
    }
    assert!(
        failures.is_empty(),
        "{} problems:\n{}",
        failures.len(),
        failures.join("\n")
    );
}

#[test]
fn every_sdk_and_mode_is_captured() {
    let mut counts: BTreeMap<(&str, &str), (usize, usize)> = BTreeMap::new();
    let records = records();
    for r in &records {
        let n = counts.entry((&r.sdk, &r.mode)).or_default();
        if r.expect == "valid" {
            n.0 += 1;
        } else {
            n.1 += 1;
        }
    }
    let found: BTreeSet<_> = counts.keys().copied().collect();
    assert_eq!(found, MODES.into_iter().collect(), "SDKs and modes");
    for (key, (valid, invalid)) in &counts {
        assert!(*valid >= MIN_VALID, "{key:?}: {valid} valid requests");
        assert!(
            *invalid >= MIN_INVALID,
            "{key:?}: {invalid} invalid requests"
        );
    }
}

/// The valid requests of every mode together give every parameter a value and an empty
/// value (AppendTags: true and false), Unicode and reserved characters, and both kinds of
/// InputURL, so that re-capturing with fewer cases fails here.
#[test]
fn each_mode_covers_every_parameter() {
    let records = records();
    for (sdk, mode) in MODES {
        let valid: Vec<&Record> = records
            .iter()
            .filter(|r| r.sdk == sdk && r.mode == mode && r.expect == "valid")
            .collect();
        let sent =
            |name: &str| -> Vec<&Value> { valid.iter().filter_map(|r| r.sent.get(name)).collect() };
        for p in UpdateMediaInfoRequest::PARAMS {
            let name = p.name();
            if name == "AppendTags" {
                let flags: BTreeSet<bool> =
                    sent(name).into_iter().filter_map(Value::as_bool).collect();
                assert_eq!(flags.len(), 2, "{mode}: AppendTags true and false");
                continue;
            }
            let values = sent(name);
            assert!(
                values.iter().any(|v| v.as_str() != Some("")),
                "{mode}: {name} with a value"
            );
            assert!(
                values.iter().any(|v| v.as_str() == Some("")),
                "{mode}: {name} empty"
            );
        }
        let texts: Vec<&str> = valid
            .iter()
            .flat_map(|r| r.sent.values())
            .filter_map(Value::as_str)
            .collect();
        for needle in [
            "&", "=", "+", "%", "#", "?", "/", ",", ";", " ", "\"", "界", "🌅", "é",
        ] {
            assert!(
                texts.iter().any(|t| t.contains(needle)),
                "{mode}: {needle:?}"
            );
        }
        let urls: Vec<&str> = sent("InputURL")
            .into_iter()
            .filter_map(Value::as_str)
            .collect();
        assert!(
            urls.iter().any(|u| u.starts_with("oss://")),
            "{mode}: oss://"
        );
        assert!(
            urls.iter().any(|u| u.starts_with("https://")),
            "{mode}: https://"
        );
    }
}
