//! The shared conformance cases (a copy in `tests/data/`), run in-process through the library
//! exactly as the command-line example runs them: `from_params`, then `apply_update`.

use std::collections::BTreeSet;

use ims_media::{apply_update, MediaInfo, UpdateMediaInfoRequest};
use serde_json::{json, Map, Value};

/// Fields absent, `null` or empty are "not set"; `CateId` is compared as a number.
fn normalize(media: &Value) -> Map<String, Value> {
    let mut out = Map::new();
    for (k, v) in media.as_object().into_iter().flatten() {
        match v {
            Value::Null => {}
            Value::String(s) if s.is_empty() => {}
            Value::String(s) if k == "CateId" => {
                out.insert(k.clone(), json!(s.parse::<i64>().ok()));
            }
            _ => {
                out.insert(k.clone(), v.clone());
            }
        }
    }
    out
}

/// The `(param, code)` pairs of a request's problems.
fn error_set(e: &ims_media::RequestError) -> BTreeSet<(String, String)> {
    e.errors()
        .iter()
        .map(|e| (e.param().to_owned(), e.code().as_str().to_owned()))
        .collect()
}

/// The `(param, code)` pairs found against those a case expects.
fn same_errors(got: &BTreeSet<(String, String)>, errors: &Value) -> Result<(), String> {
    let want: BTreeSet<(String, String)> = errors
        .as_array()
        .into_iter()
        .flatten()
        .map(|e| {
            (
                e["param"].as_str().unwrap_or_default().to_owned(),
                e["code"].as_str().unwrap_or_default().to_owned(),
            )
        })
        .collect();
    if *got == want {
        Ok(())
    } else {
        Err(format!("errors {got:?} != expected {want:?}"))
    }
}

/// Runs one case; `Err` says why it failed.
fn run(case: &Value) -> Result<(), String> {
    let media: MediaInfo =
        serde_json::from_value(case["media"].clone()).map_err(|e| format!("media: {e}"))?;
    let params: Vec<(String, String)> =
        serde_json::from_value(case["params"].clone()).map_err(|e| format!("params: {e}"))?;
    let expect = &case["expect"];
    let result = UpdateMediaInfoRequest::from_params(params.iter().map(|(k, v)| (k, v)))
        .map_err(|e| error_set(&e))
        .and_then(|request| {
            apply_update(&media, &request)
                .map_err(|e| BTreeSet::from([(e.param().to_owned(), e.code().as_str().to_owned())]))
        });
    match (result, expect.get("errors")) {
        (Ok(outcome), None) => {
            let got = normalize(&serde_json::to_value(&outcome.media).map_err(|e| e.to_string())?);
            let want = normalize(&expect["media"]);
            if got != want {
                return Err(format!("media {got:?} != expected {want:?}"));
            }
            let changed: Vec<&str> = outcome.changed.iter().map(|p| p.name()).collect();
            let want: Vec<&str> = expect["changed"]
                .as_array()
                .into_iter()
                .flatten()
                .filter_map(Value::as_str)
                .collect();
            if changed != want {
                return Err(format!("changed {changed:?} != expected {want:?}"));
            }
            Ok(())
        }
        (Err(got), Some(errors)) => same_errors(&got, errors),
        (Ok(outcome), Some(_)) => Err(format!("expected errors, got {:?}", outcome.changed)),
        (Err(got), None) => Err(format!("expected success, got errors {got:?}")),
    }
}

#[test]
fn every_conformance_case_passes() {
    let cases: Vec<Value> =
        serde_json::from_str(include_str!("../data/conformance_cases.json")).unwrap();
    assert!(cases.len() >= 55, "only {} cases", cases.len());
    let failures: Vec<String> = cases
        .iter()
        .filter_map(|case| {
            run(case)
                .err()
                .map(|why| format!("{}: {why}", case["name"]))
        })
        .collect();
    assert!(
        failures.is_empty(),
        "{} failed:\n{}",
        failures.len(),
        failures.join("\n")
    );
}

/// The checker itself must be able to fail: a case with a wrong expectation is caught.
#[test]
fn a_wrong_expectation_is_caught() {
    let cases: Vec<Value> =
        serde_json::from_str(include_str!("../data/conformance_cases.json")).unwrap();
    let mut case = cases[0].clone();
    case["expect"]["changed"] = json!(["Description"]);
    assert!(run(&case).is_err());
    case["expect"] = json!({"errors": [{"param": "Title", "code": "InvalidParameter"}]});
    assert!(run(&case).is_err());
}

/// The members a registration writes (read-only ones such as `Status` are not compared).
const WRITTEN: [&str; 12] = [
    "MediaId",
    "InputURL",
    "MediaType",
    "BusinessType",
    "Title",
    "Description",
    "Category",
    "MediaTags",
    "CoverURL",
    "UserData",
    "CateId",
    "ReferenceId",
];

/// Runs one registration case (`"action": "RegisterMediaInfo"`); `Err` says why it failed.
fn run_register(case: &Value) -> Result<(), String> {
    use ims_media::{register, MediaBasicInfo, RegisterMediaInfoRequest};
    let media_id = case["media_id"]
        .as_str()
        .ok_or("no media_id")?
        .parse()
        .map_err(|e| format!("media_id: {e}"))?;
    let existing: Option<MediaInfo> = match &case["existing"] {
        Value::Null => None,
        doc => Some(serde_json::from_value(doc.clone()).map_err(|e| format!("existing: {e}"))?),
    };
    let params: Vec<(String, String)> =
        serde_json::from_value(case["params"].clone()).map_err(|e| format!("params: {e}"))?;
    let expect = &case["expect"];
    let result = RegisterMediaInfoRequest::from_params(params.iter().map(|(k, v)| (k, v)))
        .map_err(|e| error_set(&e))
        .and_then(|request| {
            register(&request, media_id, existing.as_ref())
                .map_err(|e| BTreeSet::from([(e.param().to_owned(), e.code().as_str().to_owned())]))
        });
    match (result, expect.get("errors")) {
        (Ok(outcome), None) => {
            let doc = serde_json::to_value(MediaBasicInfo::from(&outcome.media))
                .map_err(|e| e.to_string())?;
            let mut got = normalize(&doc);
            got.retain(|k, _| WRITTEN.contains(&k.as_str()));
            let want = normalize(&expect["media"]);
            if got != want {
                return Err(format!("media {got:?} != expected {want:?}"));
            }
            let replaced = outcome.replaced.as_ref().map(|id| id.as_str());
            if replaced != expect["replaced"].as_str() {
                return Err(format!(
                    "replaced {replaced:?} != expected {}",
                    expect["replaced"]
                ));
            }
            Ok(())
        }
        (Err(got), Some(errors)) => same_errors(&got, errors),
        (Ok(outcome), Some(_)) => Err(format!("expected errors, got {:?}", outcome.media)),
        (Err(got), None) => Err(format!("expected success, got errors {got:?}")),
    }
}

#[test]
fn every_register_case_passes() {
    let cases: Vec<Value> =
        serde_json::from_str(include_str!("../data/register_cases.json")).unwrap();
    assert!(cases.len() >= 16, "only {} cases", cases.len());
    let failures: Vec<String> = cases
        .iter()
        .filter_map(|case| {
            run_register(case)
                .err()
                .map(|why| format!("{}: {why}", case["name"]))
        })
        .collect();
    assert!(
        failures.is_empty(),
        "{} failed:\n{}",
        failures.len(),
        failures.join("\n")
    );
    // The checker can fail.
    let mut case = cases[0].clone();
    case["expect"]["replaced"] = json!("0000000000000000000000000000000a");
    assert!(run_register(&case).is_err());
}
