//! Fuzzing with the crate: `arbitrary::Arbitrary` for every type (feature `arbitrary`), so that cargo-fuzz targets of
//! the crate's users can be structure-aware.
//!
//! The impls are the crate's one generator of valid values, which the `proptest` strategies
//! use too. Every impl builds a **valid** value from **any** bytes: it maps the bytes onto
//! the rules (characters chosen from an alphabet by index, lengths drawn inside the limits,
//! bytes cut at character boundaries) instead of trying a string and giving up. When the
//! input runs out, [`Unstructured`] supplies zeros, which give the shortest and plainest
//! values (`"a"`, [`FieldUpdate::Keep`], `None`, no tags), so no impl ever fails with
//! [`arbitrary::Error::NotEnoughData`]; [`arbitrary::Error::IncorrectFormat`] would mean a bug
//! of the crate, and the tests generate from many inputs to show that it does not happen.
//!
//! The values lean towards the limits: about one string in four is exactly at its byte
//! limit, ending with a multi-byte character when the limit falls after one, one in eight of
//! a single character width; one tag list in four is 16 tags of 32 bytes; object keys reach
//! 1,023 decoded bytes; every InputURL form, endpoint kind and letter case, and every
//! `BusinessType` occurs. Texts mix ASCII (with the characters that matter on the wire: `,`
//! `&` `=` `+` `%` space), two-, three- and four-byte characters (accents, combining marks,
//! CJK, the full-width comma, U+3000, zero-width joiners, emoji) and any other Unicode
//! scalar value a rule allows.
//!
//! A generated [`UpdateMediaInfoRequest`] is always one that
//! [`UpdateMediaInfoRequest::from_params`] can return, so it survives
//! [`UpdateMediaInfoRequest::to_params`] and [`UpdateMediaInfoRequest::to_query`] unchanged.
//!
//! ```
//! use arbitrary::{Arbitrary, Unstructured};
//! use ims_media::UpdateMediaInfoRequest;
//!
//! let bytes = [7u8, 1, 200, 3, 99, 42, 5, 0, 255, 18, 77, 2, 9, 150, 4, 61];
//! let request = UpdateMediaInfoRequest::arbitrary(&mut Unstructured::new(&bytes))?;
//! let back = UpdateMediaInfoRequest::from_params(request.to_params());
//! assert_eq!(back, Ok(request));
//! # Ok::<(), arbitrary::Error>(())
//! ```

use arbitrary::{Arbitrary, Result, Unstructured};

use crate::generate::Generate;
use crate::{
    BusinessType, CateId, Category, CoverUrl, Description, FieldUpdate, InputUrl, MediaId,
    MediaInfo, MediaTags, MediaTarget, Param, ReferenceId, Tag, TagsUpdate, Title,
    UpdateMediaInfoRequest, UserData,
};
use crate::{
    ClientToken, MediaType, RegisterConfig, RegisterMediaInfoRequest, SmartTagTemplateId,
    WorkflowId,
};

/// `impl Arbitrary` through the crate's generator, for each type.
macro_rules! arbitrary_from_generator {
    ($($ty:ident),* $(,)?) => {$(
        impl<'a> Arbitrary<'a> for $ty {
            fn arbitrary(u: &mut Unstructured<'a>) -> Result<Self> {
                <$ty as Generate>::generate(u)
            }
        }
    )*};
}

crate::value::generated_types!(arbitrary_from_generator);

/// `Keep`, `Clear` or `Set` of a generated `T`, equally likely; `Keep` when the input is
/// exhausted.
impl<'a, T: Arbitrary<'a>> Arbitrary<'a> for FieldUpdate<T> {
    fn arbitrary(u: &mut Unstructured<'a>) -> Result<Self> {
        crate::generate::field_update(u, T::arbitrary)
    }
}

impl UpdateMediaInfoRequest {
    /// An arbitrary request aimed at `media` (feature `arbitrary`), the counterpart of
    /// `strategy::update_media_info_request_for`: the target is `media` (its `MediaId` alone,
    /// with another way of writing its `InputURL`, or that other `InputURL` alone), each
    /// field is set to its current value as often as to a new one, and the tags replaced or
    /// appended mix some of `media`'s with new ones. So [`crate::apply_update`] finds the
    /// asset and fails only where an append passes 16 tags (one append in sixteen may: over
    /// 20,000 random inputs 99.6 % of the updates succeed).
    ///
    /// # Errors
    ///
    /// Never in practice, as the [`Arbitrary`] impls (the input running out gives plainer
    /// values, not an error).
    ///
    /// ```
    /// use arbitrary::Unstructured;
    /// use ims_media::{apply_update, MediaInfo, UpdateMediaInfoRequest};
    /// let media = MediaInfo::new(
    ///     "2b36bd19c13f4145b094c0cad80dbce5".parse()?,
    ///     "oss://example-bucket/intro.mp4".parse()?,
    /// );
    /// let bytes = [3u8, 1, 4, 1, 5, 9, 2, 6, 5, 3, 5, 8, 9, 7, 9, 3];
    /// let request = UpdateMediaInfoRequest::arbitrary_for(&mut Unstructured::new(&bytes), &media)?;
    /// assert!(apply_update(&media, &request).is_ok());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[cfg_attr(docsrs, doc(cfg(feature = "arbitrary")))]
    pub fn arbitrary_for(u: &mut Unstructured<'_>, media: &MediaInfo) -> Result<Self> {
        crate::generate::request_for(u, media)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Deterministic pseudo-random inputs of every length from 0 to 4,000 bytes.
    fn inputs() -> impl Iterator<Item = Vec<u8>> {
        let mut state: u64 = 0x9E37_79B9_7F4A_7C15;
        (0..1500).map(move |i| {
            let len = if i < 64 { i } else { (i * 37) % 4000 };
            (0..len)
                .map(|_| {
                    state ^= state << 13;
                    state ^= state >> 7;
                    state ^= state << 17;
                    state.to_le_bytes()[0]
                })
                .collect()
        })
    }

    #[track_caller]
    fn generate<T: for<'a> Arbitrary<'a>>(bytes: &[u8]) -> T {
        match T::arbitrary(&mut Unstructured::new(bytes)) {
            Ok(v) => v,
            Err(e) => panic!("{} from {bytes:?}: {e}", std::any::type_name::<T>()),
        }
    }

    #[test]
    fn every_input_gives_valid_values_that_round_trip() {
        for bytes in inputs() {
            let b = &bytes[..];
            let id: MediaId = generate(b);
            assert_eq!(id.as_str().parse(), Ok(id));
            let id: ReferenceId = generate(b);
            assert_eq!(id.as_str().parse(), Ok(id));
            let n: CateId = generate(b);
            assert_eq!(n.to_string().parse(), Ok(n));
            let t: Title = generate(b);
            assert_eq!(t.as_str().parse(), Ok(t));
            let t: Description = generate(b);
            assert_eq!(t.as_str().parse(), Ok(t));
            let t: Category = generate(b);
            assert_eq!(t.as_str().parse(), Ok(t));
            let t: UserData = generate(b);
            assert_eq!(t.as_str().parse(), Ok(t));
            let t: Tag = generate(b);
            assert_eq!(t.as_str().parse(), Ok(t));
            let t: MediaTags = generate(b);
            assert!(t.len() <= MediaTags::MAX_TAGS);
            assert_eq!(t.to_string().parse(), Ok(t));
            let c: CoverUrl = generate(b);
            assert_eq!(c.as_str().parse(), Ok(c));
            let url: InputUrl = generate(b);
            assert_eq!(url.as_str().parse(), Ok(url));
            let _: BusinessType = generate(b);
            let _: Param = generate(b);
            let _: MediaInfo = generate(b);
            let r: UpdateMediaInfoRequest = generate(b);
            assert_eq!(
                UpdateMediaInfoRequest::from_params(r.to_params()),
                Ok(r.clone())
            );
            assert_eq!(UpdateMediaInfoRequest::from_query(&r.to_query()), Ok(r));
        }
    }

    #[test]
    fn no_input_gives_the_plainest_values() {
        assert_eq!(generate::<MediaId>(&[]).as_str(), "a");
        assert_eq!(generate::<ReferenceId>(&[]).as_str(), "aaaaaa");
        assert_eq!(generate::<Title>(&[]).as_str(), "a");
        assert_eq!(generate::<Tag>(&[]).as_str(), "a");
        assert_eq!(generate::<CateId>(&[]).get(), 1);
        assert_eq!(generate::<CoverUrl>(&[]).as_str(), "https://example.com");
        assert_eq!(generate::<InputUrl>(&[]).as_str(), "oss://aaa/a");
        assert!(generate::<MediaTags>(&[]).is_empty());
        assert_eq!(generate::<FieldUpdate<Title>>(&[]), FieldUpdate::Keep);
        assert_eq!(generate::<TagsUpdate>(&[]), TagsUpdate::Keep);
        let r: UpdateMediaInfoRequest = generate(&[]);
        assert_eq!(r.to_query(), "MediaId=a");
    }

    #[test]
    fn values_reach_the_limits() {
        let mut seen = [false; 8];
        for bytes in inputs() {
            let b = &bytes[..];
            let t: Title = generate(b);
            let last = t.as_str().chars().next_back().map_or(0, char::len_utf8);
            seen[0] |= t.as_str().len() == Title::MAX_BYTES && last > 1;
            seen[1] |= generate::<Description>(b).as_str().len() == Description::MAX_BYTES;
            seen[2] |= generate::<Tag>(b).as_str().len() == Tag::MAX_BYTES;
            let tags: MediaTags = generate(b);
            seen[3] |= tags.len() == MediaTags::MAX_TAGS;
            let url: InputUrl = generate(b);
            seen[4] |= url.object_key().map(str::len) == Some(InputUrl::MAX_KEY_BYTES);
            seen[5] |= url.is_vod();
            seen[6] |= url.host().is_some() && url.region().is_none();
            seen[7] |= generate::<CoverUrl>(b).as_str().len() == CoverUrl::MAX_BYTES;
        }
        assert_eq!(seen, [true; 8]);
        let kinds: std::collections::HashSet<BusinessType> =
            (0..=255u8).map(|b| generate(&[b])).collect();
        assert_eq!(kinds.len(), BusinessType::ALL.len());
    }

    /// Every variant and every promised form is reached, so that a fuzzer built on these impls
    /// cannot silently stop reaching a feature (an impl always giving `Keep`, an ID never at
    /// its longest).
    #[test]
    fn every_variant_and_form_is_reached() {
        use std::collections::HashSet;
        // The fields that a request keeps, clears or sets, and that an asset has or not.
        const SINGLE_VALUED: [Param; 8] = [
            Param::BusinessType,
            Param::Title,
            Param::Description,
            Param::Category,
            Param::CoverUrl,
            Param::UserData,
            Param::CateId,
            Param::ReferenceId,
        ];
        let mut fields: HashSet<String> = HashSet::new();
        let mut seen: HashSet<&'static str> = HashSet::new();
        let mut mark = |what: &'static str, hit: bool| {
            if hit {
                seen.insert(what);
            }
        };
        for bytes in inputs() {
            let b = &bytes[..];
            let id: MediaId = generate(b);
            mark("MediaId 1", id.as_str().len() == 1);
            mark("MediaId 64", id.as_str().len() == 64);
            mark(
                "MediaId hex",
                id.as_str().len() == 32 && id.as_str().bytes().all(|c| c.is_ascii_hexdigit()),
            );
            mark("MediaId public", id.as_str().starts_with("icepublic-"));
            let r: ReferenceId = generate(b);
            mark("ReferenceId 6", r.as_str().len() == 6);
            mark("ReferenceId 64", r.as_str().len() == 64);
            let c: CateId = generate(b);
            mark("CateId 1", c.get() == 1);
            mark("CateId max", c.get() == i64::MAX);
            mark("CateId other", c.get() > 1 && c.get() < i64::MAX);
            let url: InputUrl = generate(b);
            mark("InputURL oss", url.is_oss() && url.host().is_none());
            mark("InputURL http", url.scheme().eq_ignore_ascii_case("http"));
            mark("InputURL https", url.scheme().eq_ignore_ascii_case("https"));
            mark("InputURL vod", url.is_vod());
            let cover: CoverUrl = generate(b);
            mark("CoverURL http", cover.scheme().eq_ignore_ascii_case("http"));
            mark(
                "CoverURL https",
                cover.scheme().eq_ignore_ascii_case("https"),
            );
            match generate::<TagsUpdate>(b) {
                TagsUpdate::Keep => mark("tags keep", true),
                TagsUpdate::Replace(t) => mark(
                    if t.is_empty() {
                        "tags clear"
                    } else {
                        "tags replace"
                    },
                    true,
                ),
                TagsUpdate::Append(t) => mark(
                    if t.is_empty() {
                        "tags append none"
                    } else {
                        "tags append"
                    },
                    true,
                ),
            }
            match generate::<MediaTarget>(b) {
                MediaTarget::MediaId {
                    input_url: None, ..
                } => mark("target id", true),
                MediaTarget::MediaId {
                    input_url: Some(_), ..
                } => mark("target id and url", true),
                MediaTarget::InputUrl(_) => mark("target url", true),
            }
            // Each field's state, read from the wire form: absent keeps, empty clears.
            let r: UpdateMediaInfoRequest = generate(b);
            let params = r.to_params();
            for p in SINGLE_VALUED {
                let state = match params.iter().find(|(name, _)| *name == p.name()) {
                    None => "keep",
                    Some((_, v)) if v.is_empty() => "clear",
                    Some(_) => "set",
                };
                fields.insert(format!("request {p} {state}"));
            }
            let m: MediaInfo = generate(b);
            let set = m.as_patch();
            for (name, value) in set.members() {
                fields.insert(format!("media {name} {}", value.is_some()));
            }
        }
        let params: HashSet<Param> = (0..=255u8).map(|b| generate(&[b])).collect();
        assert_eq!(params.len(), Param::ALL.len());
        let mut want: Vec<String> = [
            "MediaId 1",
            "MediaId 64",
            "MediaId hex",
            "MediaId public",
            "ReferenceId 6",
            "ReferenceId 64",
            "CateId 1",
            "CateId max",
            "CateId other",
            "InputURL oss",
            "InputURL http",
            "InputURL https",
            "InputURL vod",
            "CoverURL http",
            "CoverURL https",
            "tags keep",
            "tags clear",
            "tags replace",
            "tags append none",
            "tags append",
            "target id",
            "target id and url",
            "target url",
        ]
        .map(String::from)
        .to_vec();
        for p in SINGLE_VALUED {
            for state in ["keep", "clear", "set"] {
                want.push(format!("request {p} {state}"));
            }
        }
        // The members of an asset: what an update sets, and the MediaType a registration set.
        for p in UpdateMediaInfoRequest::PARAMS
            .into_iter()
            .chain([Param::MediaType])
        {
            if !matches!(p, Param::MediaId | Param::InputUrl | Param::AppendTags) {
                for set in [true, false] {
                    want.push(format!("media {p} {set}"));
                }
            }
        }
        let missing: Vec<&String> = want
            .iter()
            .filter(|w| !seen.contains(w.as_str()) && !fields.contains(*w))
            .collect();
        assert!(missing.is_empty(), "never generated: {missing:?}");
    }
}
