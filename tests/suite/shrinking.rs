//! Shrinking reaches the minimal value: a failing property over a strategy of the crate ends
//! on the plainest value that still fails — strings of one character, `Option`s `None`, one
//! tag, a request with one field set, an asset with only the field the property needs.
#![cfg(feature = "proptest")]
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::fmt::Debug;

use ims_media::{strategy, FieldUpdate, MediaInfo, TagsUpdate, UpdateMediaInfoRequest, UserData};
use proptest::prelude::*;
use proptest::test_runner::{Config, RngAlgorithm, TestError, TestRng, TestRunner};

/// The value a property that fails on `fails` shrinks to, for each of several seeds.
fn minimal<S: Strategy>(strategy: S, fails: impl Fn(&S::Value) -> bool) -> Vec<S::Value>
where
    S::Value: Debug,
{
    (0u8..4)
        .map(|seed| {
            let config = Config {
                cases: 1000,
                failure_persistence: None,
                max_shrink_iters: 1_000_000,
                ..Config::default()
            };
            let rng = TestRng::from_seed(RngAlgorithm::ChaCha, &[seed; 32]);
            let mut runner = TestRunner::new_with_rng(config, rng);
            match runner.run(&strategy, |v| {
                if fails(&v) {
                    Err(TestCaseError::fail("fails"))
                } else {
                    Ok(())
                }
            }) {
                Err(TestError::Fail(_, v)) => v,
                other => panic!("the property did not fail: {other:?}"),
            }
        })
        .collect()
}

#[test]
fn user_data_shrinks_to_one_newline() {
    for v in minimal(any::<UserData>(), |d| d.as_str().contains('\n')) {
        assert_eq!(v.as_str(), "\n");
    }
}

#[test]
fn media_info_shrinks_to_the_title_alone() {
    for m in minimal(strategy::media_info(), |m| m.title.is_some()) {
        let mut plain = MediaInfo::new(m.media_id.clone(), m.input_url.clone());
        plain.title = Some("a".parse().unwrap());
        assert_eq!(m, plain);
        assert_eq!(m.media_id.as_str(), "a");
        assert_eq!(m.input_url.as_str(), "oss://aaa/a");
    }
}

#[test]
fn tags_shrink_to_one_tag_of_one_character() {
    for t in minimal(strategy::media_tags(), |t| !t.is_empty()) {
        assert_eq!(t.to_string(), "a");
    }
}

#[test]
fn requests_shrink_to_one_field_set() {
    for r in minimal(strategy::update_media_info_request(), |r| {
        matches!(r.description, FieldUpdate::Set(_))
    }) {
        let params = r.to_params();
        let names: Vec<&str> = params.iter().map(|(n, _)| *n).collect();
        assert_eq!(names, ["MediaId", "Description"], "{r:?}");
        assert_eq!(r.to_query(), "MediaId=a&Description=a");
        assert_eq!(r.media_tags, TagsUpdate::Keep);
    }
    let _ = UpdateMediaInfoRequest::from_query("MediaId=a").unwrap();
}

#[test]
fn two_tags_shrink_to_two_tags_of_one_character() {
    for t in minimal(strategy::media_tags(), |t| t.len() >= 2) {
        // Two distinct tags: `a` and one of two characters, or `a` and `b`.
        assert_eq!(t.len(), 2, "{t}");
        assert!(t.to_string().chars().count() <= 4, "{t}");
    }
}

#[test]
fn a_tag_with_a_multi_byte_character_shrinks_to_that_character() {
    for t in minimal(any::<ims_media::Tag>(), |t| !t.as_str().is_ascii()) {
        assert_eq!(t.as_str().chars().count(), 1, "{t}");
    }
}

#[test]
fn registrations_shrink_to_one_parameter_given() {
    for r in minimal(strategy::register_media_info_request(), |r| {
        r.title.is_some()
    }) {
        assert_eq!(
            r.to_query(),
            "InputURL=oss%3A%2F%2Faaa%2Fa&Title=a",
            "{r:?}"
        );
    }
}

/// The typical sampler is typical: short queries, each valid on the wire, and unlike the
/// edge-leaning strategy's.
#[test]
fn typical_requests_are_short_and_round_trip() {
    let sample = strategy::typical_update_media_info_requests(2_000, 1);
    let bytes: Vec<usize> = sample.iter().map(|r| r.to_query().len()).collect();
    let average = bytes.iter().sum::<usize>() / bytes.len();
    eprintln!("typical queries: {average} bytes on average");
    assert!((60..=250).contains(&average), "{average}");
    for r in &sample {
        assert_eq!(
            UpdateMediaInfoRequest::from_query(&r.to_query()).as_ref(),
            Ok(r)
        );
    }
    assert!(sample
        .iter()
        .any(|r| matches!(r.title, FieldUpdate::Set(_))));
    assert!(sample
        .iter()
        .any(|r| matches!(r.media_tags, TagsUpdate::Append(_))));
    assert!(sample
        .iter()
        .any(|r| matches!(r.target, ims_media::MediaTarget::InputUrl(_))));
}
