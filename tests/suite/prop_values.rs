//! Property tests of the value types: display → parse round trips, `truncated`, and
//! `InputUrl::same_object`.
#![cfg(feature = "proptest")]
// Property bodies and helpers outside `#[test]` functions unwrap too.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use crate::common;

use std::fmt::Debug;
use std::str::FromStr;

use ims_media::strategy;
use ims_media::{
    BusinessType, CateId, Category, CoverUrl, Description, InputUrl, MediaId, MediaTags, Param,
    ParamError, ReferenceId, Tag, Title, UserData,
};
use proptest::prelude::*;
use unicode_segmentation::UnicodeSegmentation;

fn config() -> ProptestConfig {
    common::proptest_config("proptest-regressions/prop_values.txt")
}

/// Display, `as_str`, `into_string` and `AsRef` agree, and every constructor gives back an
/// equal value.
fn string_round_trip<T>(v: T) -> Result<(), TestCaseError>
where
    T: FromStr<Err = ParamError>
        + for<'a> TryFrom<&'a str, Error = ParamError>
        + TryFrom<String, Error = ParamError>
        + std::fmt::Display
        + AsRef<str>
        + Into<String>
        + Clone
        + PartialEq
        + Debug,
{
    let shown = v.to_string();
    prop_assert_eq!(v.as_ref(), shown.as_str());
    prop_assert_eq!(shown.parse::<T>(), Ok(v.clone()));
    prop_assert_eq!(T::try_from(shown.as_str()), Ok(v.clone()));
    prop_assert_eq!(T::try_from(shown.clone()), Ok(v.clone()));
    let owned: String = v.into();
    prop_assert_eq!(owned, shown);
    Ok(())
}

macro_rules! round_trips {
    ($($name:ident: $ty:ty),* $(,)?) => {
        proptest! {
            #![proptest_config(config())]
            $(
                #[test]
                fn $name(v in any::<$ty>()) {
                    prop_assert_eq!(v.as_str(), v.clone().into_string());
                    string_round_trip(v)?;
                }
            )*
        }
    };
}

round_trips! {
    media_id_round_trips: MediaId,
    reference_id_round_trips: ReferenceId,
    input_url_round_trips: InputUrl,
    title_round_trips: Title,
    description_round_trips: Description,
    category_round_trips: Category,
    tag_round_trips: Tag,
    cover_url_round_trips: CoverUrl,
    user_data_round_trips: UserData,
}

/// The longest prefix of `s` made of whole grapheme clusters within `max` bytes, found with
/// a plain scan of the whole string.
fn longest_grapheme_prefix(s: &str, max: usize) -> &str {
    let mut end = 0;
    for (at, g) in s.grapheme_indices(true) {
        if at + g.len() > max {
            break;
        }
        end = at + g.len();
    }
    &s[..end]
}

fn is_grapheme_boundary(s: &str, at: usize) -> bool {
    at == s.len() || s.grapheme_indices(true).any(|(i, _)| i == at)
}

/// Text rich in grapheme clusters of several code points: combining sequences, emoji ZWJ
/// sequences, flags, Hangul jamo, CR LF, long stacks of combining marks; and white space and
/// commas (for tags). `controls` adds a control character now and then.
fn cluster_text(max: usize, controls: bool) -> impl Strategy<Value = String> {
    let cluster = prop_oneof![
        4 => any::<char>()
            .prop_filter("no control character", |c| !c.is_control())
            .prop_map(String::from),
        3 => prop::sample::select(&[
            "e\u{301}", "👩\u{200D}👩\u{200D}👧", "🇯🇵", "\u{1100}\u{1161}\u{11A8}", "\r\n",
            "a\u{300}\u{301}\u{302}", " ", "\u{3000}", ",", "界", "🎉", "x",
        ][..])
        .prop_map(str::to_owned),
        1 => (1..60usize).prop_map(|n| format!("o{}", "\u{308}".repeat(n))),
        if controls { 1 } else { 0 } => Just("\u{7}".to_owned()),
    ];
    proptest::collection::vec(cluster, 0..=max).prop_map(|v| v.concat())
}

/// The truncation property of `Title`, `Description` and `Category`: for input without
/// control characters, `Ok` exactly when the input is not empty and its first grapheme
/// cluster fits, and then the value is the longest whole-cluster prefix within the limit.
fn check_truncated<T: AsRef<str> + Debug>(
    s: &str,
    max: usize,
    allowed_controls: &[char],
    truncated: fn(&str) -> Result<T, ParamError>,
    parse: fn(&str) -> Result<T, ParamError>,
) -> Result<(), TestCaseError> {
    let has_control = s
        .chars()
        .any(|c| c.is_control() && !allowed_controls.contains(&c));
    let want = longest_grapheme_prefix(s, max);
    match truncated(s) {
        Ok(v) => {
            let got = v.as_ref();
            prop_assert!(!has_control);
            prop_assert!(parse(got).is_ok(), "{:?} is valid", got);
            prop_assert!(s.starts_with(got));
            prop_assert!(got.len() <= max);
            prop_assert!(is_grapheme_boundary(s, got.len()));
            prop_assert_eq!(got, want);
        }
        Err(_) => prop_assert!(has_control || want.is_empty(), "refused {:?}", s),
    }
    Ok(())
}

proptest! {
    #![proptest_config(config())]

    #[test]
    fn media_tags_round_trip(tags in any::<MediaTags>()) {
        prop_assert!(tags.len() <= MediaTags::MAX_TAGS);
        let shown = tags.to_string();
        prop_assert_eq!(shown.parse::<MediaTags>(), Ok(tags.clone()));
        let list: Vec<Tag> = tags.iter().cloned().collect();
        prop_assert_eq!(MediaTags::try_from(list), Ok(tags.clone()));
        for t in &tags {
            prop_assert!(tags.contains(t.as_str()));
        }
    }

    #[test]
    fn numbers_and_enums_round_trip(
        cate in any::<CateId>(),
        business in any::<BusinessType>(),
        param in any::<Param>(),
    ) {
        prop_assert_eq!(cate.to_string().parse::<CateId>(), Ok(cate));
        prop_assert_eq!(CateId::try_from(cate.get()), Ok(cate));
        prop_assert_eq!(cate.to_string(), cate.get().to_string());
        prop_assert_eq!(business.to_string(), business.as_str());
        prop_assert_eq!(business.as_str().parse::<BusinessType>(), Ok(business));
        prop_assert_eq!(param.to_string(), param.name());
        prop_assert_eq!(param.name().parse::<Param>(), Ok(param));
    }

    #[test]
    fn title_truncated(s in cluster_text(80, true)) {
        check_truncated(&s, Title::MAX_BYTES, &[], Title::truncated, str::parse)?;
    }

    #[test]
    fn category_truncated(s in cluster_text(40, true)) {
        check_truncated(&s, Category::MAX_BYTES, &[], Category::truncated, str::parse)?;
    }

    #[test]
    fn description_truncated(s in cluster_text(500, true)) {
        check_truncated(
            &s,
            Description::MAX_BYTES,
            &['\t', '\n', '\r'],
            Description::truncated,
            str::parse,
        )?;
    }

    /// `Tag::truncated` also refuses a comma and white space at either end of the input,
    /// and drops white space the cut leaves at the end.
    #[test]
    fn tag_truncated(s in cluster_text(24, true)) {
        let prefix = longest_grapheme_prefix(&s, Tag::MAX_BYTES);
        // White space at the end of the input matters only when the input is kept whole.
        let refused = s.is_empty()
            || s.chars().any(|c| c.is_control() || c == ',')
            || s.starts_with(char::is_whitespace)
            || (prefix.len() == s.len() && s.ends_with(char::is_whitespace));
        let want = prefix.trim_end();
        match Tag::truncated(&s) {
            Ok(t) => {
                prop_assert!(!refused);
                prop_assert!(t.as_str().parse::<Tag>().is_ok());
                prop_assert!(s.starts_with(t.as_str()));
                prop_assert!(is_grapheme_boundary(&s, t.as_str().len()));
                prop_assert_eq!(t.as_str(), want);
            }
            Err(e) => {
                prop_assert_eq!(e.param(), "MediaTags");
                prop_assert!(refused || want.is_empty(), "refused {:?}", s);
            }
        }
    }

    #[test]
    fn same_object_is_reflexive_and_symmetric(a in any::<InputUrl>(), b in any::<InputUrl>()) {
        prop_assert!(a.same_object(&a));
        prop_assert_eq!(a.same_object(&b), b.same_object(&a));
        if a.same_object(&b) {
            prop_assert_eq!(a.bucket(), b.bucket());
            prop_assert_eq!(a.object_key(), b.object_key());
            prop_assert_eq!(a.vod_id(), b.vod_id());
        }
    }

    #[test]
    fn other_writings_are_the_same_object(
        (a, b, c) in any::<InputUrl>().prop_flat_map(|a| {
            let b = strategy::same_object_as(&a);
            let c = strategy::same_object_as(&a);
            (Just(a), b, c)
        })
    ) {
        prop_assert!(a.same_object(&b) && b.same_object(&a));
        prop_assert!(b.same_object(&c) && c.same_object(&b));
        prop_assert_eq!(a.bucket(), b.bucket());
        prop_assert_eq!(a.object_key(), c.object_key());
    }

    /// The `oss://` and `https://` forms of one object, written by the test itself.
    #[test]
    fn oss_and_https_forms_agree(
        bucket in strategy::bucket(),
        key in strategy::object_key(),
        other_key in strategy::object_key(),
        region in "[a-z]{2}-[a-z]{1,10}-[0-9]",
        internal in any::<bool>(),
    ) {
        // `region()` never holds `pub`, `internal` or `oss` (the finance endpoints' `-pub`).
        prop_assume!(!["pub", "internal", "oss"].iter().any(|w| region.contains(w)));
        let oss: InputUrl = format!("oss://{bucket}/{}", encode(&key)).parse().unwrap();
        let suffix = if internal { "-internal" } else { "" };
        let https: InputUrl =
            format!("https://{bucket}.oss-{region}{suffix}.aliyuncs.com/{}", encode(&key))
                .parse()
                .unwrap();
        let raw: InputUrl = format!("oss://{}/{}", bucket.to_uppercase(), escape_minimal(&key))
            .parse()
            .unwrap();
        for url in [&oss, &https, &raw] {
            prop_assert_eq!(url.bucket(), Some(bucket.as_str()));
            prop_assert_eq!(url.object_key(), Some(key.as_str()));
        }
        prop_assert_eq!(https.region(), Some(region.as_str()));
        prop_assert!(oss.same_object(&https) && https.same_object(&oss));
        prop_assert!(raw.same_object(&https));
        let other: InputUrl = format!("oss://{bucket}/{}", encode(&other_key)).parse().unwrap();
        prop_assert_eq!(other.same_object(&https), key == other_key);
    }
}

/// Percent-encodes every byte but `A-Z a-z 0-9 - _ . ~` (RFC 3986), written independently of
/// the crate.
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

/// Escapes only what an InputURL cannot hold raw: `%`, `?` and `#`.
fn escape_minimal(s: &str) -> String {
    s.chars()
        .map(|c| match c {
            '%' => "%25".to_owned(),
            '?' => "%3f".to_owned(),
            '#' => "%23".to_owned(),
            c => c.to_string(),
        })
        .collect()
}
