//! The RegisterMediaInfo requests the official Python SDKs sent, captured on a local listener
//! by `tests/data/sdk_requests_register/capture.py` (see the README beside it): each is parsed
//! with `RegisterMediaInfoRequest::from_query` and must be exactly what the SDK was given.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]
use std::collections::{BTreeMap, BTreeSet};

use ims_media::{MediaTags, RegisterConfig, RegisterMediaInfoRequest};
use serde::Deserialize;
use serde_json::{Map, Value};

const DATA: &str = include_str!("../data/sdk_requests_register/requests.json");

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
    method: String,
    target: String,
    headers: BTreeMap<String, String>,
    body: String,
}

/// What the SDK was given, as the crate writes it back: strings as they are, `Overwrite` only
/// when true, `CateId` as digits, the tags and `RegisterConfig` as the crate writes them.
fn expected(sent: &Map<String, Value>) -> BTreeMap<String, String> {
    let mut out = BTreeMap::new();
    for (name, value) in sent {
        let text = match (name.as_str(), value) {
            ("Overwrite", Value::Bool(false)) => continue,
            ("Overwrite", Value::Bool(true)) => "true".to_owned(),
            ("CateId", Value::Number(n)) => n.to_string(),
            ("MediaTags", Value::String(s)) => s.parse::<MediaTags>().unwrap().to_string(),
            ("RegisterConfig", Value::String(s)) => {
                s.parse::<RegisterConfig>().unwrap().to_string()
            }
            (_, Value::String(s)) => s.clone(),
            (name, other) => panic!("{name}: an argument of another type: {other}"),
        };
        out.insert(name.clone(), text);
    }
    out
}

#[test]
fn every_captured_request_parses_to_what_the_sdk_was_given() {
    let records: Vec<Record> = serde_json::from_str(DATA).unwrap();
    let mut modes = BTreeMap::new();
    let mut cases = BTreeSet::new();
    for r in &records {
        let label = format!("{} / {} / {}", r.sdk, r.mode, r.case);
        assert_eq!(r.expect, "valid", "{label}");
        assert!(
            r.body.is_empty(),
            "{label}: the SDKs send the parameters in the query"
        );
        let (path, query) = r.target.split_once('?').unwrap_or((&r.target, ""));
        assert_eq!(path, "/", "{label}");
        let request = RegisterMediaInfoRequest::from_query(query)
            .unwrap_or_else(|e| panic!("{label} ({} {}): {e}", r.method, r.headers.len()));
        let got: BTreeMap<String, String> = request
            .to_params()
            .into_iter()
            .map(|(k, v)| (k.to_owned(), v))
            .collect();
        assert_eq!(got, expected(&r.sent), "{label}");
        assert_eq!(
            RegisterMediaInfoRequest::from_query(&request.to_query()),
            Ok(request)
        );
        *modes.entry(r.mode.clone()).or_insert(0) += 1;
        cases.insert(r.case.clone());
    }
    assert_eq!(records.len(), 20);
    assert_eq!(
        modes.into_iter().collect::<Vec<_>>(),
        [
            ("core-GET".to_owned(), 5),
            ("core-POST".to_owned(), 5),
            ("v2".to_owned(), 5),
            ("v3".to_owned(), 5),
        ]
    );
    assert_eq!(cases.len(), 5);
    // Every parameter of the operation was sent by some SDK (the core SDK has no setter for
    // SmartTagTemplateId; the Tea SDK sends it).
    let sent: BTreeSet<&str> = records
        .iter()
        .flat_map(|r| r.sent.keys().map(String::as_str))
        .collect();
    for p in RegisterMediaInfoRequest::PARAMS {
        assert!(sent.contains(p.name()), "{p} never sent");
    }
}
