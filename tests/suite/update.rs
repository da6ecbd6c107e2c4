//! apply_update: every rule of the crate's documentation (1, 7, 8, 9, 10) and §4.3 — set, clear, keep, tags
//! replaced and appended, the target checks, idempotence of every kind of update, atomicity.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use crate::common::messages;
use ims_media::{
    apply_update, BusinessType, CateId, ErrorCode, Excerpt, FieldUpdate, MediaInfo, MediaTags,
    MediaTarget, Param, ParamError, TagsUpdate, UpdateError, UpdateMediaInfoRequest, UpdateOutcome,
};

type Request = UpdateMediaInfoRequest;

const ID: &str = "2b36bd19c13f4145b094c0cad80dbce5";
const OTHER_ID: &str = "ffffbd19c13f4145b094c0cad80dffff";
const URL: &str = "https://example-bucket.oss-cn-shanghai.aliyuncs.com/videos/intro.mp4";

// ---- helpers ----------------------------------------------------------------------------------

fn p<T: std::str::FromStr<Err = ParamError>>(s: &str) -> T {
    s.parse().unwrap_or_else(|e| panic!("{s:?}: {e}"))
}

/// An asset with nothing but its ID and URL.
fn bare() -> MediaInfo {
    MediaInfo::new(p(ID), p(URL))
}

/// An asset with every field set.
fn full() -> MediaInfo {
    let mut m = bare();
    m.business_type = Some(BusinessType::General);
    m.title = Some(p("Intro"));
    m.description = Some(p("The opening\nscene"));
    m.category = Some(p("news"));
    m.media_tags = p("news,sports");
    m.cover_url = Some(p("https://example.com/cover.png"));
    m.user_data = Some(p("{\"k\":1}"));
    m.cate_id = Some(CateId::try_from(3048_i64).unwrap());
    m.reference_id = Some(p("ref-000001"));
    m
}

fn with(mut m: MediaInfo, edit: impl FnOnce(&mut MediaInfo)) -> MediaInfo {
    edit(&mut m);
    m
}

/// `MediaId=ID` followed by `pairs`, parsed.
#[track_caller]
fn req(pairs: &[(&str, &str)]) -> Request {
    let all = [&[("MediaId", ID)], pairs].concat();
    Request::from_params(all.iter().copied()).unwrap_or_else(|e| panic!("{pairs:?}: {e}"))
}

/// Applies `request` and checks that applying it again changes nothing (rule 8).
#[track_caller]
fn apply(media: &MediaInfo, request: &Request) -> UpdateOutcome {
    let once = apply_update(media, request).unwrap_or_else(|e| panic!("{request:?}: {e}"));
    let twice = apply_update(&once.media, request).unwrap();
    assert_eq!(twice.media, once.media, "not idempotent: {request:?}");
    assert_eq!(twice.changed, [], "not idempotent: {request:?}");
    assert_eq!(once.media.media_id, media.media_id);
    assert_eq!(once.media.input_url.as_str(), media.input_url.as_str());
    once
}

/// Applies `pairs` (after `MediaId=ID`) to `media`: the media it gives and what changed.
#[track_caller]
fn applied(media: &MediaInfo, pairs: &[(&str, &str)]) -> (MediaInfo, Vec<Param>) {
    let o = apply(media, &req(pairs));
    (o.media, o.changed)
}

/// The update fails; the media given is untouched; returns the error after checking it.
#[track_caller]
fn fails(
    media: &MediaInfo,
    request: &Request,
    param: &str,
    code: ErrorCode,
    message: &str,
) -> UpdateError {
    let before = media.clone();
    let e = apply_update(media, request).expect_err("accepted");
    assert_eq!(media, &before);
    assert_eq!(e.param(), param);
    assert_eq!(e.code(), code);
    assert_eq!(e.to_string(), message);
    e
}

fn target_url(url: &str) -> Request {
    Request::new(MediaTarget::InputUrl(p(url)))
}

fn target_both(id: &str, url: &str) -> Request {
    Request::new(MediaTarget::MediaId {
        id: p(id),
        input_url: Some(p(url)),
    })
}

fn sixteen(prefix: &str, n: usize) -> String {
    (0..n)
        .map(|i| format!("{prefix}{i}"))
        .collect::<Vec<_>>()
        .join(",")
}

// ---- fields -------------------------------------------------------------------------------------

#[test]
fn keep_changes_nothing() {
    for m in [bare(), full()] {
        assert_eq!(applied(&m, &[]), (m.clone(), vec![]));
        let o = apply(&m, &Request::new(MediaTarget::InputUrl(p(URL))));
        assert_eq!((o.media, o.changed), (m.clone(), vec![]));
    }
}

#[test]
fn set_each_field() {
    #[track_caller]
    fn sets(name: &str, value: &str, param: Param, edit: impl FnOnce(&mut MediaInfo)) {
        assert_eq!(
            applied(&bare(), &[(name, value)]),
            (with(bare(), edit), vec![param])
        );
    }
    sets("BusinessType", "opening", Param::BusinessType, |m| {
        m.business_type = Some(BusinessType::Opening)
    });
    sets("Title", "New 界", Param::Title, |m| {
        m.title = Some(p("New 界"))
    });
    sets("Description", "a\tb", Param::Description, |m| {
        m.description = Some(p("a\tb"))
    });
    sets("Category", "sport", Param::Category, |m| {
        m.category = Some(p("sport"))
    });
    sets("MediaTags", "x, y", Param::MediaTags, |m| {
        m.media_tags = p("x,y")
    });
    sets("CoverURL", "http://e.com/c.jpg", Param::CoverUrl, |m| {
        m.cover_url = Some(p("http://e.com/c.jpg"))
    });
    sets("UserData", "u", Param::UserData, |m| {
        m.user_data = Some(p("u"))
    });
    sets("CateId", "7", Param::CateId, |m| {
        m.cate_id = Some(CateId::try_from(7_i64).unwrap())
    });
    sets("ReferenceId", "abc_123", Param::ReferenceId, |m| {
        m.reference_id = Some(p("abc_123"))
    });
    // Over a value already there.
    let (m, changed) = applied(&full(), &[("Title", "Other")]);
    assert_eq!(
        (m, changed),
        (
            with(full(), |m| m.title = Some(p("Other"))),
            vec![Param::Title]
        )
    );
}

#[test]
fn clear_each_field() {
    #[track_caller]
    fn clears(name: &str, param: Param, edit: impl FnOnce(&mut MediaInfo)) {
        assert_eq!(
            applied(&full(), &[(name, "")]),
            (with(full(), edit), vec![param])
        );
        // Clearing what is not set is not a change.
        let (m, changed) = applied(&bare(), &[(name, "")]);
        assert_eq!((m, changed), (bare(), vec![]));
    }
    clears("BusinessType", Param::BusinessType, |m| {
        m.business_type = None
    });
    clears("Title", Param::Title, |m| m.title = None);
    clears("Description", Param::Description, |m| m.description = None);
    clears("Category", Param::Category, |m| m.category = None);
    clears("MediaTags", Param::MediaTags, |m| {
        m.media_tags = MediaTags::new()
    });
    clears("CoverURL", Param::CoverUrl, |m| m.cover_url = None);
    clears("UserData", Param::UserData, |m| m.user_data = None);
    clears("CateId", Param::CateId, |m| m.cate_id = None);
    clears("ReferenceId", Param::ReferenceId, |m| m.reference_id = None);
}

#[test]
fn the_same_value_is_not_a_change() {
    let same = [
        ("BusinessType", "general"),
        ("Title", "Intro"),
        ("Description", "The opening\nscene"),
        ("Category", "news"),
        ("MediaTags", "news, sports,news"),
        ("CoverURL", "https://example.com/cover.png"),
        ("UserData", "{\"k\":1}"),
        ("CateId", "3048"),
        ("ReferenceId", "ref-000001"),
    ];
    for pair in same {
        assert_eq!(applied(&full(), &[pair]), (full(), vec![]), "{pair:?}");
    }
    assert_eq!(applied(&full(), &same), (full(), vec![]));
    // Case and white space are part of the value: these are changes.
    assert_eq!(applied(&full(), &[("Title", "intro")]).1, [Param::Title]);
    assert_eq!(applied(&full(), &[("Title", "Intro ")]).1, [Param::Title]);
    assert_eq!(
        applied(&full(), &[("MediaTags", "News,sports")]).1,
        [Param::MediaTags]
    );
}

#[test]
fn changed_follows_the_table_order() {
    let (m, changed) = applied(
        &full(),
        &[
            ("ReferenceId", "ref-000002"),
            ("CateId", "1"),
            ("UserData", ""),
            ("CoverURL", "https://example.com/other.png"),
            ("MediaTags", "z"),
            ("Category", ""),
            ("Description", "d"),
            ("Title", "Intro"), // unchanged
            ("BusinessType", "ending"),
        ],
    );
    assert_eq!(
        changed,
        [
            Param::BusinessType,
            Param::Description,
            Param::Category,
            Param::MediaTags,
            Param::CoverUrl,
            Param::UserData,
            Param::CateId,
            Param::ReferenceId,
        ]
    );
    assert_eq!(m.title, Some(p("Intro")));
    assert_eq!(m.category, None);
    assert_eq!(m.media_tags.to_string(), "z");
}

#[test]
fn is_changed() {
    let o = apply(
        &full(),
        &req(&[("Title", "x"), ("Category", "news"), ("CateId", "")]),
    );
    assert!(o.is_changed(Param::Title));
    assert!(o.is_changed(Param::CateId));
    assert!(!o.is_changed(Param::Category));
    assert!(!o.is_changed(Param::ReferenceId));
    assert!(!o.is_changed(Param::MediaId));
}

// ---- tags (rule 7) ------------------------------------------------------------------------------

#[test]
fn replace_tags() {
    let tags = |pairs: &[(&str, &str)]| {
        let (m, changed) = applied(&full(), pairs);
        (m.media_tags.to_string(), changed)
    };
    assert_eq!(
        tags(&[("MediaTags", "a,b")]),
        ("a,b".to_owned(), vec![Param::MediaTags])
    );
    assert_eq!(
        tags(&[("MediaTags", "sports,news")]),
        ("sports,news".to_owned(), vec![Param::MediaTags])
    );
    assert_eq!(
        tags(&[("MediaTags", "sports"), ("AppendTags", "false")]),
        ("sports".to_owned(), vec![Param::MediaTags])
    );
    assert_eq!(
        tags(&[("MediaTags", "")]),
        (String::new(), vec![Param::MediaTags])
    );
    assert_eq!(
        tags(&[("MediaTags", " "), ("AppendTags", "False")]),
        (String::new(), vec![Param::MediaTags])
    );
    // Replacing with 16 over 16 other tags is fine: nothing is appended.
    let m = with(bare(), |m| m.media_tags = p(&sixteen("old", 16)));
    let (m, changed) = applied(&m, &[("MediaTags", &sixteen("new", 16))]);
    assert_eq!(
        (m.media_tags.to_string(), changed),
        (sixteen("new", 16), vec![Param::MediaTags])
    );
}

#[test]
fn append_tags_skips_present_ones_and_keeps_order() {
    let (m, changed) = applied(
        &full(),
        &[
            ("MediaTags", "sports,weather,news,arts,weather"),
            ("AppendTags", "true"),
        ],
    );
    assert_eq!(m.media_tags.to_string(), "news,sports,weather,arts");
    assert_eq!(changed, [Param::MediaTags]);
    // Only tags already present: no change.
    let (m, changed) = applied(
        &full(),
        &[("MediaTags", "sports,news"), ("AppendTags", "true")],
    );
    assert_eq!((m, changed), (full(), vec![]));
    // Case-sensitive: "News" is another tag.
    let (m, _) = applied(&full(), &[("MediaTags", "News"), ("AppendTags", "TRUE")]);
    assert_eq!(m.media_tags.to_string(), "news,sports,News");
    // Onto no tags.
    let (m, changed) = applied(&bare(), &[("MediaTags", "b,a"), ("AppendTags", "True")]);
    assert_eq!(
        (m.media_tags.to_string(), changed),
        ("b,a".to_owned(), vec![Param::MediaTags])
    );
}

#[test]
fn append_tags_up_to_the_limit() {
    let ten = with(bare(), |m| m.media_tags = p(&sixteen("t", 10)));
    // 10 + 6 new (+ 3 present) = 16: accepted.
    let add = format!("t0,t5,{},t9", sixteen("n", 6));
    let (m, _) = applied(&ten, &[("MediaTags", &add), ("AppendTags", "true")]);
    assert_eq!(m.media_tags.len(), 16);
    assert_eq!(
        m.media_tags.to_string(),
        format!("{},{}", sixteen("t", 10), sixteen("n", 6))
    );
}

#[test]
fn append_tags_over_the_limit_fails_as_a_whole() {
    let ten = with(full(), |m| m.media_tags = p(&sixteen("t", 10)));
    let add = format!("t0,{}", sixteen("n", 7));
    let request = req(&[
        ("Title", "New"),
        ("MediaTags", &add),
        ("AppendTags", "true"),
        ("CateId", ""),
    ]);
    let e = fails(
        &ten,
        &request,
        "MediaTags",
        ErrorCode::InvalidParameter,
        messages::APPEND_17_TAGS,
    );
    assert_matches!(
        e,
        UpdateError::TooManyTags {
            max: 16,
            found: 17,
            ..
        }
    );
    assert_eq!(e.code().http_status(), 400);
    // 16 stored, one new one: 17.
    let full16 = with(bare(), |m| m.media_tags = p(&sixteen("t", 16)));
    let e = apply_update(
        &full16,
        &req(&[("MediaTags", "t3,x"), ("AppendTags", "true")]),
    );
    assert_matches!(
        e,
        Err(UpdateError::TooManyTags {
            max: 16,
            found: 17,
            ..
        })
    );
    // 16 new onto 16: 32 found.
    let e = apply_update(
        &full16,
        &req(&[("MediaTags", &sixteen("n", 16)), ("AppendTags", "true")]),
    );
    assert_matches!(
        e,
        Err(UpdateError::TooManyTags {
            max: 16,
            found: 32,
            ..
        })
    );
    // ... but appending only present ones onto 16 is fine.
    let (m, changed) = applied(&full16, &[("MediaTags", "t15,t0"), ("AppendTags", "true")]);
    assert_eq!((m, changed), (full16.clone(), vec![]));
}

#[test]
fn append_with_no_tags_changes_nothing() {
    for m in [bare(), full()] {
        assert_eq!(
            applied(&m, &[("MediaTags", ""), ("AppendTags", "true")]),
            (m.clone(), vec![])
        );
        assert_eq!(
            applied(&m, &[("MediaTags", "  "), ("AppendTags", "true")]),
            (m.clone(), vec![])
        );
        assert_eq!(applied(&m, &[("AppendTags", "true")]), (m.clone(), vec![]));
        assert_eq!(applied(&m, &[("AppendTags", "false")]), (m.clone(), vec![]));
    }
}

// ---- target (rules 9, 10) -----------------------------------------------------------------------

#[test]
fn another_media_id_is_not_found() {
    let request = Request::new(MediaTarget::MediaId {
        id: p(OTHER_ID),
        input_url: None,
    });
    let e = fails(
        &full(),
        &request,
        "MediaId",
        ErrorCode::ResourceNotFound,
        &format!("no media asset has MediaId \"{OTHER_ID}\""),
    );
    assert_matches!(
        e,
        UpdateError::NotFound {
            param: Param::MediaId,
            given,
            ..
        } if *given == Excerpt::new(OTHER_ID)
    );
    assert_eq!(e.code().http_status(), 404);
    // MediaIds are case-sensitive.
    let upper = Request::new(MediaTarget::MediaId {
        id: p(&ID.to_uppercase()),
        input_url: None,
    });
    assert!(matches!(
        apply_update(&full(), &upper),
        Err(UpdateError::NotFound {
            param: Param::MediaId,
            ..
        })
    ));
    // A MediaId that does not match wins over an InputURL that does not either.
    let e = apply_update(&full(), &target_both(OTHER_ID, "oss://other-bucket/x.mp4")).unwrap_err();
    assert_eq!(
        (e.param(), e.code()),
        ("MediaId", ErrorCode::ResourceNotFound)
    );
}

#[test]
fn an_input_url_of_another_object_is_not_found() {
    for other in [
        "oss://example-bucket/videos/other.mp4",
        "oss://other-bucket/videos/intro.mp4",
        "oss://example-bucket/Videos/intro.mp4", // keys are case-sensitive
        "oss://example-bucket/videos/intro.mp4 ",
        "oss://example-bucket/videos%2Fintro.mp4%20",
        "vod://2b36bd19c13f4145b094c0cad80dbce5",
    ] {
        let e = fails(
            &full(),
            &target_url(other),
            "InputURL",
            ErrorCode::NoMatchedInputUrl,
            &format!("no media asset matches InputURL \"{other}\""),
        );
        assert!(matches!(
            e,
            UpdateError::NotFound {
                param: Param::InputUrl,
                ..
            }
        ));
    }
    // A vod asset.
    let vod = MediaInfo::new(p(ID), p("vod://abc123"));
    assert!(apply_update(&vod, &target_url("vod://abc124")).is_err());
    assert_eq!(apply(&vod, &target_url("vod://abc123")).changed, []);
}

#[test]
fn an_input_url_matches_in_any_form_of_the_same_object() {
    for same in [
        URL,
        "oss://example-bucket/videos/intro.mp4",
        "OSS://Example-Bucket/videos/intro.mp4",
        "http://example-bucket.oss-cn-shanghai.aliyuncs.com/videos/intro.mp4",
        "https://example-bucket.oss-cn-shanghai-internal.aliyuncs.com/videos/intro.mp4",
        "HTTPS://EXAMPLE-BUCKET.OSS-CN-SHANGHAI.ALIYUNCS.COM/videos/intro.mp4",
        "https://example-bucket.oss-accelerate.aliyuncs.com/videos/intro.mp4",
        "https://example-bucket.cn-shanghai.oss.aliyuncs.com/videos/intro.mp4",
        "https://example-bucket.oss-cn-beijing.aliyuncs.com/videos/intro.mp4",
        "oss://example-bucket/videos%2Fintro.mp4",
        "oss://example-bucket/%76ideos/intro%2emp4",
        "oss://example-bucket/%76%69%64%65%6f%73/intro.mp4",
    ] {
        let request = with_title(target_url(same));
        let o = apply(&full(), &request);
        assert_eq!(o.changed, [Param::Title], "{same}");
        // The stored URL is kept as it was, in its own form.
        assert_eq!(o.media.input_url.as_str(), URL);
        // Beside the MediaId too.
        let o = apply(&full(), &with_title(target_both(ID, same)));
        assert_eq!(o.changed, [Param::Title], "{same}");
        assert_eq!(o.media.input_url.as_str(), URL);
    }
}

fn with_title(mut r: Request) -> Request {
    r.title = FieldUpdate::Set(p("Matched"));
    r
}

#[test]
fn media_id_with_the_input_url_of_another_object_is_refused() {
    let other = "oss://example-bucket/videos/other.mp4";
    let e = fails(
        &full(),
        &with_title(target_both(ID, other)),
        "InputURL",
        ErrorCode::InvalidParameter,
        &format!(
            "invalid InputURL: \"{other}\" names another object than the asset's stored \
             InputURL, which cannot be changed"
        ),
    );
    assert_matches!(
        e,
        UpdateError::InputUrlChanged { given, .. } if *given == Excerpt::new(other)
    );
}

#[test]
fn long_values_in_update_errors_are_shortened() {
    let key = "k".repeat(1000);
    let other = format!("oss://example-bucket/{key}");
    let e = apply_update(&full(), &target_url(&other)).unwrap_err();
    let UpdateError::NotFound { given, .. } = &e else {
        panic!("{e:?}")
    };
    assert_eq!(given.as_str().len(), Excerpt::MAX_BYTES);
    assert_eq!(given.original_len(), other.len());
    assert!(e.to_string().len() < 300);
}

#[test]
fn update_errors_never_quote_the_stored_asset() {
    // The stored values are the asset's, not the caller's: an error that quoted them would
    // leak another asset's InputURL or MediaId to whoever guessed wrong.
    let stored = full();
    for request in [
        Request::new(MediaTarget::MediaId {
            id: p(OTHER_ID),
            input_url: None,
        }),
        target_url("oss://other-bucket/x.mp4"),
        target_both(ID, "oss://other-bucket/x.mp4"),
    ] {
        let e = apply_update(&stored, &request).unwrap_err();
        let message = e.to_string();
        assert!(
            !message.contains(ID) || request.to_query().contains(ID),
            "{message}"
        );
        assert!(!message.contains("intro.mp4"), "{message}");
        assert!(!message.contains("oss-cn-shanghai"), "{message}");
    }
}

// ---- idempotence (rule 8) and atomicity ---------------------------------------------------------

#[test]
fn every_kind_of_update_is_idempotent() {
    let updates: &[&[(&str, &str)]] = &[
        &[],
        &[("BusinessType", "watermark")],
        &[("BusinessType", "")],
        &[("Title", "T")],
        &[("Title", "")],
        &[("Description", "D\r\n")],
        &[("Description", "")],
        &[("Category", "C")],
        &[("Category", "")],
        &[("MediaTags", "a,b")],
        &[("MediaTags", "sports")],
        &[("MediaTags", "")],
        &[("MediaTags", "a,news"), ("AppendTags", "true")],
        &[("MediaTags", "sports,news"), ("AppendTags", "true")],
        &[("MediaTags", ""), ("AppendTags", "true")],
        &[("AppendTags", "true")],
        &[("CoverURL", "https://e.com/x.png")],
        &[("CoverURL", "")],
        &[("UserData", "U")],
        &[("UserData", "")],
        &[("CateId", "9")],
        &[("CateId", "")],
        &[("ReferenceId", "ref-999999")],
        &[("ReferenceId", "")],
        &[
            ("Title", "T"),
            ("Description", ""),
            ("MediaTags", "x,y,z"),
            ("AppendTags", "true"),
            ("CateId", "5"),
            ("ReferenceId", ""),
            ("BusinessType", "cover"),
        ],
        &[
            ("BusinessType", ""),
            ("Title", ""),
            ("Description", ""),
            ("Category", ""),
            ("MediaTags", ""),
            ("CoverURL", ""),
            ("UserData", ""),
            ("CateId", ""),
            ("ReferenceId", ""),
        ],
    ];
    for pairs in updates {
        for m in [bare(), full()] {
            // `apply` checks that the second application changes nothing.
            let request = req(pairs);
            let once = apply(&m, &request);
            // And a third, from the outcome of the second.
            let twice = apply_update(&once.media, &request).unwrap();
            let thrice = apply_update(&twice.media, &request).unwrap();
            assert_eq!(thrice.media, once.media, "{pairs:?}");
        }
    }
    // By InputURL and by both.
    let mut r = target_url("oss://example-bucket/videos/intro.mp4");
    r.media_tags = TagsUpdate::Append(p("q"));
    apply(&full(), &r);
    let mut r = target_both(ID, URL);
    r.cate_id = FieldUpdate::Clear;
    apply(&full(), &r);
}

#[test]
fn a_failed_update_leaves_no_partial_result() {
    let stored = with(full(), |m| m.media_tags = p(&sixteen("t", 16)));
    let before = stored.clone();
    let request = req(&[
        ("BusinessType", "bgm"),
        ("Title", "Changed"),
        ("Description", ""),
        ("MediaTags", "new"),
        ("AppendTags", "true"),
        ("CoverURL", ""),
        ("UserData", "changed"),
        ("CateId", "1"),
        ("ReferenceId", "changed-ref"),
    ]);
    let result = apply_update(&stored, &request);
    assert_matches!(
        result,
        Err(UpdateError::TooManyTags {
            max: 16,
            found: 17,
            ..
        })
    );
    assert_eq!(stored, before);
    // Target failures with changes too.
    let mut r = request.clone();
    r.media_tags = TagsUpdate::Keep;
    r.target = MediaTarget::MediaId {
        id: p(OTHER_ID),
        input_url: None,
    };
    assert!(apply_update(&stored, &r).is_err());
    r.target = MediaTarget::InputUrl(p("oss://example-bucket/else.mp4"));
    assert!(apply_update(&stored, &r).is_err());
    r.target = MediaTarget::MediaId {
        id: p(ID),
        input_url: Some(p("oss://example-bucket/else.mp4")),
    };
    assert!(apply_update(&stored, &r).is_err());
    assert_eq!(stored, before);
    // The same request without the failing part succeeds: the failure was the tags alone.
    r.target = MediaTarget::MediaId {
        id: p(ID),
        input_url: None,
    };
    assert_eq!(apply(&stored, &r).changed.len(), 7);
}

#[test]
fn a_request_built_by_hand_applies_too() {
    let mut r = Request::new(MediaTarget::MediaId {
        id: p(ID),
        input_url: None,
    });
    r.business_type = FieldUpdate::Set(BusinessType::Sticker);
    r.media_tags = TagsUpdate::Replace(MediaTags::new());
    let o = apply(&full(), &r);
    assert_eq!(o.changed, [Param::BusinessType, Param::MediaTags]);
    assert!(o.media.media_tags.is_empty());
}
