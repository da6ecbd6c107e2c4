//! Property tests of `from_params` on arbitrary and on invalid input, and checks that the
//! strategies reach the edges they promise.
#![cfg(feature = "proptest")]
// Property bodies and helpers outside `#[test]` functions unwrap too.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use crate::common;

use ims_media::strategy;
use ims_media::{
    BusinessType, CateId, Category, CoverUrl, Description, ErrorCode, InputUrl, MediaId, MediaTags,
    Param, ParamErrorKind, ReferenceId, Tag, TagsUpdate, Title, UpdateMediaInfoRequest, UserData,
};
use proptest::prelude::*;
use proptest::sample::select;
use proptest::strategy::ValueTree;
use proptest::test_runner::{Config, TestRunner};

fn config() -> ProptestConfig {
    common::proptest_config("proptest-regressions/prop_wire.txt")
}

const COMMON: [&str; 13] = ims_media::UpdateMediaInfoRequest::COMMON_PARAMETERS;

/// Names: the twelve parameters (often), the common parameters, near misses, random.
fn name() -> impl Strategy<Value = String> {
    let known: Vec<&'static str> = UpdateMediaInfoRequest::PARAMS
        .iter()
        .map(|p| p.name())
        .collect();
    prop_oneof![
        6 => select(known).prop_map(str::to_owned),
        2 => select(&COMMON[..]).prop_map(str::to_owned),
        1 => select(&["title", "MediaID", "Tittle", "InputUrl", "", "Action ", "x"][..])
            .prop_map(str::to_owned),
        1 => "[A-Za-z0-9_]{0,12}",
    ]
}

/// Values: valid ones of several parameters, empty, invalid ones, anything.
fn value() -> impl Strategy<Value = String> {
    prop_oneof![
        3 => select(&[
            "abc", "2b36bd19c13f4145b094c0cad80dbce5", "oss://bucket/a.mp4", "general", "video",
            "true", "TRUE", "false", "UpdateMediaInfo", "2020-11-09", "a,b", "a,,b", "3048",
            "0", "ref-123", "https://example.com/a.png", "Intro", " ",
        ][..])
        .prop_map(str::to_owned),
        2 => Just(String::new()),
        2 => strategy::invalid_param().prop_map(|(_, v)| v),
        2 => any::<String>(),
    ]
}

/// Whether `value` is refused for `param` when given once (an empty value never is).
fn refused(param: Param, value: &str) -> bool {
    fn bad<T: std::str::FromStr>(v: &str) -> bool {
        !v.is_empty() && v.parse::<T>().is_err()
    }
    match param {
        Param::MediaId => bad::<MediaId>(value),
        Param::InputUrl => bad::<InputUrl>(value),
        Param::BusinessType => bad::<BusinessType>(value),
        Param::Title => bad::<Title>(value),
        Param::Description => bad::<Description>(value),
        Param::Category => bad::<Category>(value),
        Param::MediaTags => value.parse::<MediaTags>().is_err(),
        Param::CoverUrl => bad::<CoverUrl>(value),
        Param::UserData => bad::<UserData>(value),
        Param::AppendTags => {
            !value.is_empty()
                && !value.eq_ignore_ascii_case("true")
                && !value.eq_ignore_ascii_case("false")
        }
        Param::CateId => bad::<CateId>(value),
        Param::ReferenceId => bad::<ReferenceId>(value),
        other => panic!("{other} is not a parameter of UpdateMediaInfo"),
    }
}

/// The names the errors of `from_params(pairs)` must have, in order , written
/// from the rules without the crate's collector.
fn expected_error_names(pairs: &[(String, String)]) -> Vec<String> {
    let given = |n: &str| pairs.iter().filter(|(k, _)| k == n).collect::<Vec<_>>();
    let mut out = Vec::new();
    let absent = |n: &str| {
        let g = given(n);
        g.is_empty() || (g.len() == 1 && g[0].1.is_empty())
    };
    if absent("MediaId") && absent("InputURL") {
        out.push("MediaId".to_owned());
    }
    for p in UpdateMediaInfoRequest::PARAMS {
        let g = given(p.name());
        if g.len() > 1 || (g.len() == 1 && refused(p, &g[0].1)) {
            out.push(p.name().to_owned());
        }
    }
    for (i, c) in COMMON.iter().enumerate() {
        let g = given(c);
        let wrong = match (i, g.as_slice()) {
            (0, [(_, v)]) => v != "UpdateMediaInfo",
            (1, [(_, v)]) => v != "2020-11-09",
            _ => false,
        };
        if g.len() > 1 || wrong {
            out.push((*c).to_owned());
        }
    }
    for (k, _) in pairs {
        let known = k.parse::<Param>().is_ok() || COMMON.contains(&k.as_str());
        if !known && !out.contains(k) {
            out.push(k.clone());
        }
    }
    out
}

/// A JSON member value of any type: a string of [`value`], `null`, a boolean, an integer, a
/// fraction, an array, an object.
fn json_value() -> impl Strategy<Value = serde_json::Value> {
    use serde_json::{json, Value};
    prop_oneof![
        4 => value().prop_map(Value::String),
        1 => Just(Value::Null),
        1 => any::<bool>().prop_map(Value::Bool),
        1 => prop_oneof![Just(3048i64), Just(0), Just(-5), any::<i64>()].prop_map(Value::from),
        1 => select(&[1.5, 3048.0, -0.25][..]).prop_map(Value::from),
        1 => Just(json!(["a", 1])),
        1 => Just(json!({"a": [null]})),
    ]
}

/// What the wire pair of a JSON member is: a string as it is, `null` empty (clear), a boolean
/// of `AppendTags` and a number of `CateId` as written; any other type stands for a value the
/// parameter refuses (a control character refuses every parameter that checks its value).
fn as_pair_value(name: &str, value: &serde_json::Value) -> String {
    use serde_json::Value;
    match value {
        Value::String(s) => s.clone(),
        Value::Null => String::new(),
        Value::Bool(b) if name == "AppendTags" => b.to_string(),
        Value::Number(n) if name == "CateId" => match n.as_i64() {
            Some(i) => i.to_string(),
            None => format!("{:?}", n.as_f64().unwrap()),
        },
        _ => "\u{1}".to_owned(),
    }
}

/// The head of each problem of a message (`invalid Title`, `missing MediaId`, `unknown
/// parameter "x"`), which names the parameter and tells its code.
fn heads(message: &str) -> Vec<String> {
    // A message may hold "; " itself (BusinessType's "; valid values: …"): problems start
    // with one of these words.
    message
        .split("; ")
        .filter(|m| {
            ["invalid ", "missing ", "unknown parameter ", "and "]
                .iter()
                .any(|start| m.starts_with(start))
        })
        .map(|m| m.split_once(": ").map_or(m, |(head, _)| head).to_owned())
        .collect()
}

proptest! {
    #![proptest_config(config())]

    /// A JSON object whose members have values of any type, repeated names included, and the
    /// pairs it stands for: both accepted as the same request, or both refused with the same
    /// parameters in error, in the same order, with the same codes.
    #[test]
    fn json_of_any_value_types_agrees_with_the_pairs(
        members in proptest::collection::vec((name(), json_value()), 0..8)
    ) {
        // Problems are joined by "; ": values that hold it would split a message.
        prop_assume!(members.iter().all(|(_, v)| !v.to_string().contains(';')));
        let text = format!(
            "{{{}}}",
            members
                .iter()
                .map(|(k, v)| format!("{}:{v}", serde_json::Value::from(k.as_str())))
                .collect::<Vec<_>>()
                .join(",")
        );
        let pairs: Vec<(String, String)> = members
            .iter()
            .map(|(k, v)| (k.clone(), as_pair_value(k, v)))
            .collect();
        let by_pairs = UpdateMediaInfoRequest::from_params(pairs.iter().map(|(k, v)| (k, v)));
        let by_json = serde_json::from_str::<UpdateMediaInfoRequest>(&text);
        match (by_pairs, by_json) {
            (Ok(a), Ok(b)) => prop_assert_eq!(a, b),
            (Err(a), Err(b)) => {
                let message = b.to_string();
                let message = message.rsplit_once(" at line ").map_or(message.as_str(), |(m, _)| m);
                prop_assert_eq!(heads(&a.to_string()), heads(message), "{}", text);
            }
            (a, b) => prop_assert!(false, "{text}: pairs {a:?}, JSON {b:?}"),
        }
    }

    #[test]
    fn from_params_reports_each_problem_once_in_order(
        pairs in proptest::collection::vec((name(), value()), 0..12)
    ) {
        let result = UpdateMediaInfoRequest::from_params(pairs.iter().map(|(k, v)| (k, v)));
        let want = expected_error_names(&pairs);
        match result {
            Ok(request) => {
                prop_assert!(want.is_empty(), "accepted, expected errors {:?}", want);
                prop_assert_eq!(UpdateMediaInfoRequest::from_params(request.to_params()), Ok(request));
            }
            Err(err) => {
                let got: Vec<&str> = err.errors().iter().map(|e| e.param()).collect();
                let mut distinct = got.clone();
                distinct.sort_unstable();
                distinct.dedup();
                prop_assert_eq!(distinct.len(), got.len(), "a parameter reported twice");
                prop_assert_eq!(&got, &want);
                prop_assert_eq!(err.omitted(), 0);
                for e in err.errors() {
                    let missing = matches!(e.kind(), ParamErrorKind::Missing);
                    prop_assert_eq!(missing, e.code() == ErrorCode::MissingParameter);
                    if missing {
                        prop_assert_eq!(e.param(), "MediaId");
                    } else {
                        prop_assert!(pairs.iter().any(|(k, _)| k == e.param()));
                    }
                }
            }
        }
    }

    #[test]
    fn the_query_form_agrees_with_pairs(
        pairs in proptest::collection::vec((name(), value()), 0..8)
    ) {
        let query = pairs
            .iter()
            .map(|(k, v)| format!("{}={}", encode(k), encode(v)))
            .collect::<Vec<_>>()
            .join("&");
        let by_pairs = UpdateMediaInfoRequest::from_params(pairs.iter().map(|(k, v)| (k, v)));
        // An empty name is an empty segment in a query, which is skipped.
        prop_assume!(pairs.iter().all(|(k, _)| !k.is_empty()));
        prop_assert_eq!(UpdateMediaInfoRequest::from_query(&query), by_pairs);
    }

    #[test]
    fn invalid_values_are_refused_on_their_parameter((param, value) in strategy::invalid_param()) {
        let mut pairs = vec![(param.name(), value.as_str())];
        if param != Param::MediaId {
            pairs.push(("MediaId", "abc"));
        }
        let err = UpdateMediaInfoRequest::from_params(pairs).unwrap_err();
        prop_assert_eq!(err.errors().len(), 1, "{}", err);
        prop_assert_eq!(err.errors()[0].param(), param.name());
        prop_assert_eq!(err.errors()[0].code(), ErrorCode::InvalidParameter);
        prop_assert!(refused(param, &value));
        if param == Param::MediaTags {
            // Even with AppendTags the list itself is refused.
            let err = UpdateMediaInfoRequest::from_params([
                ("MediaId", "abc"),
                ("MediaTags", value.as_str()),
                ("AppendTags", "true"),
            ])
            .unwrap_err();
            prop_assert_eq!(err.errors()[0].param(), "MediaTags");
        }
    }

    #[test]
    fn invalid_tags_are_refused_alone(t in strategy::invalid_tag()) {
        let err = t.parse::<Tag>().unwrap_err();
        prop_assert_eq!(err.param(), "MediaTags");
    }
}

/// Percent-encodes every byte but the unreserved ones, independently of the crate.
fn encode(s: &str) -> String {
    s.bytes()
        .map(|b| {
            if b.is_ascii_alphanumeric() || b"-_.~".contains(&b) {
                char::from(b).to_string()
            } else {
                format!("%{b:02X}")
            }
        })
        .collect()
}

/// `n` values of `s` from a deterministic runner that allows no rejection at all: the
/// strategies build valid values by construction.
fn sample<S: Strategy>(s: S, n: usize) -> Vec<S::Value> {
    let mut runner = TestRunner::new_with_rng(
        Config {
            max_local_rejects: 0,
            ..Config::default()
        },
        proptest::test_runner::TestRng::deterministic_rng(
            proptest::test_runner::RngAlgorithm::ChaCha,
        ),
    );
    (0..n)
        .map(|_| s.new_tree(&mut runner).expect("no rejection").current())
        .collect()
}

#[test]
fn text_strategies_reach_the_byte_limits_with_multi_byte_characters() {
    let titles = sample(strategy::title(), 2000);
    let at_limit = |w: usize| {
        titles.iter().any(|t| {
            let s = t.as_str();
            s.len() == Title::MAX_BYTES && s.chars().last().is_some_and(|c| c.len_utf8() == w)
        })
    };
    assert!(at_limit(1) && at_limit(2) && at_limit(3) && at_limit(4));
    assert!(titles.iter().any(|t| t.as_str().len() < 20));
    assert!(titles
        .iter()
        .any(|t| t.as_str().chars().all(|c| c.len_utf8() == 4) && t.as_str().len() == 128));

    let descriptions = sample(strategy::description(), 1000);
    assert!(descriptions
        .iter()
        .any(|d| d.as_str().len() == Description::MAX_BYTES));
    for c in ['\t', '\n', '\r'] {
        assert!(descriptions.iter().any(|d| d.as_str().contains(c)), "{c:?}");
    }
    let user_data = sample(strategy::user_data(), 1000);
    assert!(user_data
        .iter()
        .any(|d| d.as_str().len() == UserData::MAX_BYTES));
    assert!(user_data.iter().any(|d| d.as_str().contains('\n')));
    let categories = sample(strategy::category(), 1000);
    assert!(categories
        .iter()
        .any(|c| c.as_str().len() == Category::MAX_BYTES));
    let covers = sample(strategy::cover_url(), 1000);
    assert!(covers
        .iter()
        .any(|c| c.as_str().len() == CoverUrl::MAX_BYTES));
}

#[test]
fn tag_strategies_reach_sixteen_tags_of_thirty_two_bytes() {
    let tags = sample(strategy::tag(), 1000);
    assert!(tags.iter().any(|t| t.as_str().len() == Tag::MAX_BYTES));
    assert!(tags.iter().any(|t| t.as_str().contains(' ')));
    let lists = sample(strategy::media_tags(), 1000);
    assert!(lists.iter().any(MediaTags::is_empty));
    assert!(lists.iter().any(|l| {
        l.len() == MediaTags::MAX_TAGS && l.iter().all(|t| t.as_str().len() == Tag::MAX_BYTES)
    }));
    let updates = sample(strategy::tags_update(), 300);
    assert!(updates
        .iter()
        .any(|u| matches!(u, TagsUpdate::Append(t) if !t.is_empty())));
    assert!(updates
        .iter()
        .any(|u| matches!(u, TagsUpdate::Replace(t) if t.is_empty())));
}

#[test]
fn input_url_strategies_reach_every_form() {
    let urls = sample(strategy::input_url(), 3000);
    let any = |f: &dyn Fn(&InputUrl) -> bool| urls.iter().any(f);
    for scheme in ["oss", "http", "https", "vod"] {
        assert!(any(&|u| u.scheme() == scheme), "{scheme}");
    }
    assert!(any(&|u| u.as_str().starts_with("OSS://")));
    assert!(any(&|u| u.as_str().starts_with("HTTPS://")));
    assert!(any(&|u| u
        .host()
        .is_some_and(|h| h.ends_with(".oss.aliyuncs.com"))));
    assert!(any(&|u| u.host().is_some_and(|h| h.contains("-internal."))));
    assert!(any(&|u| u
        .host()
        .is_some_and(|h| h.contains(".oss-accelerate"))));
    assert!(any(&|u| u.host().is_some_and(|h| h.contains("finance"))));
    assert!(any(&|u| u.host().is_some_and(|h| h.contains("gov"))));
    assert!(any(&|u| u.as_str().contains("%")));
    assert!(any(
        &|u| u.as_str().chars().any(|c| c.is_ascii_uppercase()) && u.host().is_some()
    ));
    assert!(any(&|u| u
        .object_key()
        .is_some_and(|k| k.len() == InputUrl::MAX_KEY_BYTES)));
    assert!(any(&|u| u
        .object_key()
        .is_some_and(|k| k.contains(['?', '#', '%']))));
    assert!(any(&|u| u.bucket().is_some_and(|b| b.len() == 3)));
    assert!(any(&|u| u.bucket().is_some_and(|b| b.len() == 63)));
}

#[test]
fn id_and_enum_strategies_reach_their_edges() {
    let ids = sample(strategy::media_id(), 1000);
    assert!(ids.iter().any(|i| i.as_str().len() == 1));
    assert!(ids.iter().any(|i| i.as_str().len() == 64));
    assert!(ids.iter().any(|i| i.as_str().starts_with("icepublic-")));
    let refs = sample(strategy::reference_id(), 1000);
    assert!(refs.iter().any(|i| i.as_str().len() == 6));
    let cates = sample(strategy::cate_id(), 500);
    assert!(cates.iter().any(|c| c.get() == 1) && cates.iter().any(|c| c.get() == i64::MAX));
    let types = sample(strategy::business_type(), 500);
    for b in BusinessType::ALL {
        assert!(types.contains(&b), "{b}");
    }
    let requests = sample(strategy::update_media_info_request(), 300);
    assert!(requests.iter().any(|r| matches!(
        &r.target,
        ims_media::MediaTarget::MediaId {
            input_url: Some(_),
            ..
        }
    )));
    let infos = sample(strategy::media_info(), 100);
    assert!(infos.iter().any(|m| m.title.is_some()) && infos.iter().any(|m| m.title.is_none()));
}

#[test]
fn invalid_strategies_cover_each_parameter() {
    let pairs = sample(strategy::invalid_param(), 3000);
    for p in UpdateMediaInfoRequest::PARAMS {
        assert!(pairs.iter().any(|(q, _)| *q == p), "{p}");
    }
    // One past the limit, crossing it inside a multi-byte character.
    assert!(pairs.iter().any(|(p, v)| *p == Param::Title
        && v.len() == Title::MAX_BYTES + 1
        && !v.is_char_boundary(Title::MAX_BYTES)));
}
