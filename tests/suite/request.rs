//! UpdateMediaInfoRequest from the wire: every rule of the crate's documentation (1, 7, 9) and §4.2, with exact
//! messages, the error order, the error cap, query decoding and the round trips.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use crate::common::messages;
use ims_media::{
    BusinessType, CateId, Category, CoverUrl, Description, ErrorCode, Excerpt, FieldUpdate,
    InputUrl, MediaTags, MediaTarget, ParamError, ParamErrorKind, ReferenceId, RequestError,
    TagsUpdate, Title, Unit, UpdateMediaInfoRequest, UserData,
};

type Request = UpdateMediaInfoRequest;

const ID: &str = "2b36bd19c13f4145b094c0cad80dbce5";
const URL: &str = "oss://example-bucket/videos/intro.mp4";

// ---- helpers ----------------------------------------------------------------------------------

fn p<T: std::str::FromStr<Err = ParamError>>(s: &str) -> T {
    s.parse().unwrap_or_else(|e| panic!("{s:?}: {e}"))
}

/// The request for [`ID`] that changes nothing, with `edit` applied.
fn by_id(edit: impl FnOnce(&mut Request)) -> Request {
    let mut r = Request::new(MediaTarget::MediaId {
        id: p(ID),
        input_url: None,
    });
    edit(&mut r);
    r
}

fn tags(s: &str) -> MediaTags {
    p(s)
}

#[track_caller]
fn ok(pairs: &[(&str, &str)]) -> Request {
    Request::from_params(pairs.iter().copied()).unwrap_or_else(|e| panic!("{pairs:?}: {e}"))
}

/// `MediaId=ID` followed by `pairs`.
#[track_caller]
fn ok_id(pairs: &[(&str, &str)]) -> Request {
    ok(&[&[("MediaId", ID)], pairs].concat())
}

#[track_caller]
fn ok_query(q: &str) -> Request {
    Request::from_query(q).unwrap_or_else(|e| panic!("{q:?}: {e}"))
}

#[track_caller]
fn refused(pairs: &[(&str, &str)]) -> RequestError {
    match Request::from_params(pairs.iter().copied()) {
        Ok(r) => panic!("{pairs:?} accepted: {r:?}"),
        Err(e) => e,
    }
}

/// The (param, code, message) of every error.
fn listed(e: &RequestError) -> Vec<(String, ErrorCode, String)> {
    e.errors()
        .iter()
        .map(|e| (e.param().to_owned(), e.code(), e.to_string()))
        .collect()
}

/// Exactly one `InvalidParameter` error on `param`, with this message; returns its kind.
#[track_caller]
fn one_err(e: &RequestError, param: &str, message: &str) -> ParamErrorKind {
    assert_eq!(
        listed(e),
        [(
            param.to_owned(),
            ErrorCode::InvalidParameter,
            message.to_owned()
        )]
    );
    assert_eq!(e.omitted(), 0);
    assert_eq!(e.to_string(), message);
    e.errors()[0].kind().clone()
}

/// `MediaId=ID` and `pairs` are refused with exactly one error.
#[track_caller]
fn err_id(pairs: &[(&str, &str)], param: &str, message: &str) -> ParamErrorKind {
    one_err(
        &refused(&[&[("MediaId", ID)], pairs].concat()),
        param,
        message,
    )
}

#[track_caller]
fn err_query(q: &str, param: &str, message: &str) -> ParamErrorKind {
    match Request::from_query(q) {
        Ok(r) => panic!("{q:?} accepted: {r:?}"),
        Err(e) => one_err(&e, param, message),
    }
}

#[track_caller]
fn round_trip(r: &Request) {
    let params = r.to_params();
    assert_eq!(
        Request::from_params(params.clone()).as_ref(),
        Ok(r),
        "{params:?}"
    );
    let query = r.to_query();
    assert_eq!(Request::from_query(&query).as_ref(), Ok(r), "{query}");
}

fn missing() -> ParamError {
    refused(&[]).errors()[0].clone()
}

// ---- absent, empty, set (rule 1) ----------------------------------------------------------------

#[test]
fn absent_keeps_every_field() {
    let r = ok(&[("MediaId", ID)]);
    assert_eq!(r, by_id(|_| {}));
    assert_eq!(r.title, FieldUpdate::Keep);
    assert_eq!(r.media_tags, TagsUpdate::Keep);
    assert_eq!(r.to_params(), [("MediaId", ID.to_owned())]);
}

#[test]
fn empty_clears_each_field() {
    #[track_caller]
    fn clears(name: &str, edit: impl FnOnce(&mut Request)) {
        assert_eq!(ok_id(&[(name, "")]), by_id(edit), "{name}");
    }
    clears("BusinessType", |r| r.business_type = FieldUpdate::Clear);
    clears("Title", |r| r.title = FieldUpdate::Clear);
    clears("Description", |r| r.description = FieldUpdate::Clear);
    clears("Category", |r| r.category = FieldUpdate::Clear);
    clears("MediaTags", |r| {
        r.media_tags = TagsUpdate::Replace(MediaTags::new())
    });
    clears("CoverURL", |r| r.cover_url = FieldUpdate::Clear);
    clears("UserData", |r| r.user_data = FieldUpdate::Clear);
    clears("CateId", |r| r.cate_id = FieldUpdate::Clear);
    clears("ReferenceId", |r| r.reference_id = FieldUpdate::Clear);
}

#[test]
fn white_space_only_media_tags_clear_but_other_white_space_is_a_value() {
    let clear = by_id(|r| r.media_tags = TagsUpdate::Replace(MediaTags::new()));
    assert_eq!(ok_id(&[("MediaTags", " ")]), clear);
    assert_eq!(ok_id(&[("MediaTags", " \u{3000}\t")]), clear);
    // Title is taken verbatim (rule 2): a space is a title, not a clear.
    assert_eq!(
        ok_id(&[("Title", " ")]),
        by_id(|r| r.title = FieldUpdate::Set(p(" ")))
    );
    err_id(
        &[("ReferenceId", " ")],
        "ReferenceId",
        "invalid ReferenceId: character ' ' at byte 0 not allowed, only A-Z a-z 0-9 - _ in \" \"",
    );
}

#[test]
fn a_value_sets_each_field() {
    #[track_caller]
    fn sets(name: &str, value: &str, edit: impl FnOnce(&mut Request)) {
        assert_eq!(ok_id(&[(name, value)]), by_id(edit), "{name}");
    }
    sets("BusinessType", "opening", |r| {
        r.business_type = FieldUpdate::Set(BusinessType::Opening)
    });
    sets("Title", "Intro 界 🎬", |r| {
        r.title = FieldUpdate::Set(p::<Title>("Intro 界 🎬"))
    });
    sets("Description", "line 1\r\n\tline 2", |r| {
        r.description = FieldUpdate::Set(p::<Description>("line 1\r\n\tline 2"))
    });
    sets("Category", "news", |r| {
        r.category = FieldUpdate::Set(p::<Category>("news"))
    });
    sets("MediaTags", " a , b,a ", |r| {
        r.media_tags = TagsUpdate::Replace(tags("a,b"))
    });
    sets("CoverURL", "https://example.com/c.png", |r| {
        r.cover_url = FieldUpdate::Set(p::<CoverUrl>("https://example.com/c.png"))
    });
    sets("UserData", "{\"k\":1}", |r| {
        r.user_data = FieldUpdate::Set(p::<UserData>("{\"k\":1}"))
    });
    sets("CateId", "3048", |r| {
        r.cate_id = FieldUpdate::Set(CateId::try_from(3048_i64).unwrap())
    });
    sets("ReferenceId", "123-123", |r| {
        r.reference_id = FieldUpdate::Set(p::<ReferenceId>("123-123"))
    });
}

#[test]
fn values_are_checked_by_their_types() {
    err_id(
        &[("Title", &"x".repeat(129))],
        "Title",
        messages::TITLE_129_BYTES,
    );
    err_id(
        &[("BusinessType", "video")],
        "BusinessType",
        "invalid BusinessType: \"video\" is a MediaType, not a BusinessType; valid values: \
         subtitles, font, watermark, opening, ending, general, default, cover, sticker, bgm, bgi",
    );
    err_id(&[("CateId", "0")], "CateId", messages::CATE_ID_0);
    let kind = err_id(
        &[("MediaTags", "a,,b")],
        "MediaTags",
        messages::SECOND_TAG_EMPTY,
    );
    assert_matches!(
        kind,
        ParamErrorKind::Tag { index: 2, reason, .. }
            if matches!(**reason, ParamErrorKind::Empty { min: 1, unit: Unit::Bytes, .. })
    );
}

// ---- target (rule 9) ----------------------------------------------------------------------------

#[test]
fn empty_media_id_input_url_and_append_tags_count_as_absent() {
    assert_eq!(
        ok(&[("MediaId", ""), ("InputURL", URL)]),
        Request::new(MediaTarget::InputUrl(p(URL)))
    );
    assert_eq!(ok(&[("MediaId", ID), ("InputURL", "")]), by_id(|_| {}));
    assert_eq!(
        ok_id(&[("MediaTags", "a"), ("AppendTags", "")]),
        by_id(|r| r.media_tags = TagsUpdate::Replace(tags("a")))
    );
}

#[test]
fn media_id_or_input_url_is_required() {
    let missing = (
        "MediaId".to_owned(),
        ErrorCode::MissingParameter,
        messages::MISSING_TARGET.to_owned(),
    );
    let none: [(&str, &str); 0] = [];
    for pairs in [
        &none[..],
        &[("MediaId", ""), ("InputURL", "")],
        &[("MediaId", "")],
        &[("InputURL", "")],
        &[("Title", "x")],
    ] {
        let e = refused(pairs);
        assert_eq!(listed(&e), std::slice::from_ref(&missing), "{pairs:?}");
        assert_eq!(e.errors()[0].kind(), &ParamErrorKind::Missing);
        assert_eq!(e.code(), ErrorCode::MissingParameter);
        assert_eq!(e.code().http_status(), 400);
    }
}

#[test]
fn both_given_media_id_chooses_and_input_url_is_kept() {
    let r = ok(&[("InputURL", URL), ("MediaId", ID)]);
    assert_eq!(
        r.target,
        MediaTarget::MediaId {
            id: p(ID),
            input_url: Some(p(URL))
        }
    );
    assert_eq!(
        ok(&[("InputURL", URL)]).target,
        MediaTarget::InputUrl(p::<InputUrl>(URL))
    );
}

#[test]
fn an_invalid_target_is_reported_on_itself_alone() {
    // Invalid MediaId beside a valid InputURL: only MediaId, no MissingParameter.
    let e = refused(&[("MediaId", "****20b48fb0****"), ("InputURL", URL)]);
    one_err(
        &e,
        "MediaId",
        "invalid MediaId: character '*' at byte 0 not allowed, only A-Z a-z 0-9 - _ in \
         \"****20b48fb0****\"",
    );
    // Invalid InputURL beside a valid MediaId: only InputURL.
    let e = refused(&[("MediaId", ID), ("InputURL", "oss://example-bucket/a?x=1")]);
    one_err(
        &e,
        "InputURL",
        "invalid InputURL: query not allowed at byte 22, drop the '?' and what follows (a signed \
         URL is not an input URL) in \"oss://example-bucket/a?x=1\"",
    );
    // Invalid InputURL alone: only InputURL, no MissingParameter.
    let e = refused(&[("InputURL", "ftp://example.com/a.mp4")]);
    assert_eq!(e.errors().len(), 1);
    assert_eq!(e.errors()[0].param(), "InputURL");
    assert_eq!(e.code(), ErrorCode::InvalidParameter);
}

// ---- AppendTags (rule 7) ------------------------------------------------------------------------

#[test]
fn append_tags_is_a_case_insensitive_boolean() {
    let append = by_id(|r| r.media_tags = TagsUpdate::Append(tags("x,y")));
    let replace = by_id(|r| r.media_tags = TagsUpdate::Replace(tags("x,y")));
    for (value, want) in [
        ("true", &append),
        ("TRUE", &append),
        ("True", &append),
        ("tRuE", &append),
        ("false", &replace),
        ("False", &replace),
        ("FALSE", &replace),
        ("", &replace),
    ] {
        assert_eq!(
            &ok_id(&[("MediaTags", "x,y"), ("AppendTags", value)]),
            want,
            "{value:?}"
        );
    }
    // The order of the two parameters does not matter.
    assert_eq!(
        ok_id(&[("AppendTags", "true"), ("MediaTags", "x,y")]),
        append
    );
}

#[test]
fn append_tags_refuses_other_words() {
    #[track_caller]
    fn bad(value: &str, message: &str) {
        let kind = err_id(
            &[("MediaTags", "a"), ("AppendTags", value)],
            "AppendTags",
            message,
        );
        assert_matches!(
            kind,
            ParamErrorKind::NotBoolean { value: v, .. } if *v == Excerpt::new(value)
        );
    }
    bad("yes", messages::APPEND_TAGS_YES);
    bad("1", "invalid AppendTags: \"1\", expected true or false");
    bad("0", "invalid AppendTags: \"0\", expected true or false");
    bad(
        " true",
        "invalid AppendTags: \" true\", expected true or false",
    );
    bad(
        "truee",
        "invalid AppendTags: \"truee\", expected true or false",
    );
    // Checked even without MediaTags.
    err_id(
        &[("AppendTags", "yes")],
        "AppendTags",
        messages::APPEND_TAGS_YES,
    );
}

#[test]
fn append_tags_without_media_tags_keeps_the_tags() {
    assert_eq!(ok_id(&[("AppendTags", "true")]), by_id(|_| {}));
    assert_eq!(ok_id(&[("AppendTags", "false")]), by_id(|_| {}));
}

#[test]
fn empty_media_tags_with_append_is_an_empty_append() {
    let r = ok_id(&[("MediaTags", ""), ("AppendTags", "true")]);
    assert_eq!(r.media_tags, TagsUpdate::Append(MediaTags::new()));
    let r = ok_id(&[("MediaTags", " "), ("AppendTags", "True")]);
    assert_eq!(r.media_tags, TagsUpdate::Append(MediaTags::new()));
}

// ---- names --------------------------------------------------------------------------------------

#[test]
fn unknown_names_are_refused_with_a_hint() {
    #[track_caller]
    fn hint(name: &str, suggestion: Option<&'static str>, message: &str) {
        let kind = err_id(&[(name, "x")], name, message);
        assert_matches!(
            kind,
            ParamErrorKind::UnknownParameter { suggestion: s, .. } if *s == suggestion,
            "{name}"
        );
    }
    const NOT: &str = "not a parameter of UpdateMediaInfo";
    // Only the case differs.
    hint(
        "title",
        Some("Title"),
        &format!("unknown parameter \"title\": {NOT}, did you mean Title"),
    );
    hint(
        "MediaID",
        Some("MediaId"),
        &format!("unknown parameter \"MediaID\": {NOT}, did you mean MediaId"),
    );
    hint(
        "InputUrl",
        Some("InputURL"),
        &format!("unknown parameter \"InputUrl\": {NOT}, did you mean InputURL"),
    );
    hint(
        "APPENDTAGS",
        Some("AppendTags"),
        &format!("unknown parameter \"APPENDTAGS\": {NOT}, did you mean AppendTags"),
    );
    // One insertion, deletion, substitution, transposition.
    hint(
        "Tittle",
        Some("Title"),
        &format!("unknown parameter \"Tittle\": {NOT}, did you mean Title"),
    );
    hint(
        "Categry",
        Some("Category"),
        &format!("unknown parameter \"Categry\": {NOT}, did you mean Category"),
    );
    hint(
        "CoverURI",
        Some("CoverURL"),
        &format!("unknown parameter \"CoverURI\": {NOT}, did you mean CoverURL"),
    );
    hint(
        "Titel",
        Some("Title"),
        &format!("unknown parameter \"Titel\": {NOT}, did you mean Title"),
    );
    hint(
        "Acton",
        Some("Action"),
        &format!("unknown parameter \"Acton\": {NOT}, did you mean Action"),
    );
    // Nothing close.
    hint("Zzz", None, &format!("unknown parameter \"Zzz\": {NOT}"));
    hint(
        "Tielt",
        None,
        &format!("unknown parameter \"Tielt\": {NOT}"),
    );
    hint(
        "MediaTitle",
        None,
        &format!("unknown parameter \"MediaTitle\": {NOT}"),
    );
    hint("", None, &format!("unknown parameter \"\": {NOT}"));
    // A name with control characters is quoted escaped.
    hint(
        "a\nb",
        None,
        &format!("unknown parameter \"a<U+000A>b\": {NOT}"),
    );
}

#[test]
fn a_long_unknown_name_is_shortened() {
    let name = "界".repeat(30); // 90 bytes
    let e = refused(&[("MediaId", ID), (&name, "")]);
    assert_eq!(e.errors().len(), 1);
    assert_eq!(e.errors()[0].param(), "界".repeat(21)); // 63 bytes, on a character boundary
    assert!(e.errors()[0].param().len() <= Excerpt::MAX_BYTES);
    assert_eq!(
        e.errors()[0].to_string(),
        format!(
            "unknown parameter \"{}\"…: not a parameter of UpdateMediaInfo",
            "界".repeat(21)
        )
    );
}

#[test]
fn long_unknown_names_sharing_their_kept_prefix_are_one_problem() {
    // No two errors share a `param()`: names are compared by the part an error keeps.
    let a = format!("{}a", "x".repeat(70));
    let b = format!("{}bb", "x".repeat(70));
    let c = format!("{}c", "y".repeat(70));
    let e = refused(&[("MediaId", ID), (&a, ""), (&b, ""), (&c, ""), (&a, "")]);
    assert_eq!(e.errors().len(), 2, "{e}");
    assert_eq!(e.errors()[0].param(), "x".repeat(64));
    assert_eq!(e.errors()[1].param(), "y".repeat(64));
}

#[test]
fn repeated_names_are_refused_with_their_count() {
    let kind = err_id(
        &[("Title", "a"), ("Title", "b")],
        "Title",
        messages::TITLE_TWICE,
    );
    assert_matches!(kind, ParamErrorKind::Repeated { count: 2, .. });
    // Same value twice, empty values, and an invalid value among them: still "repeated".
    err_id(
        &[("Title", "a"), ("Title", "a"), ("Title", "\u{7}")],
        "Title",
        "invalid Title: given 3 times, at most once allowed",
    );
    err_id(
        &[("CateId", ""), ("CateId", "")],
        "CateId",
        "invalid CateId: given 2 times, at most once allowed",
    );
    err_id(
        &[
            ("AppendTags", "true"),
            ("MediaTags", "a"),
            ("AppendTags", "true"),
        ],
        "AppendTags",
        "invalid AppendTags: given 2 times, at most once allowed",
    );
    // MediaId twice: reported as repeated, not as missing.
    one_err(
        &refused(&[("MediaId", ID), ("MediaId", ID)]),
        "MediaId",
        "invalid MediaId: given 2 times, at most once allowed",
    );
    one_err(
        &refused(&[("MediaId", ID), ("InputURL", URL), ("InputURL", URL)]),
        "InputURL",
        "invalid InputURL: given 2 times, at most once allowed",
    );
    // Common parameters too.
    err_id(
        &[("Format", "JSON"), ("Format", "JSON")],
        "Format",
        "invalid Format: given 2 times, at most once allowed",
    );
    err_id(
        &[("Action", "UpdateMediaInfo"), ("Action", "UpdateMediaInfo")],
        "Action",
        "invalid Action: given 2 times, at most once allowed",
    );
    // An unknown name given twice is reported once, as unknown.
    err_id(&[("Zzz", "1"), ("Zzz", "2")], "Zzz", messages::UNKNOWN_ZZZ);
}

#[test]
fn rpc_common_parameters_are_ignored() {
    let r = ok_id(&[
        ("Action", "UpdateMediaInfo"),
        ("Version", "2020-11-09"),
        ("Format", "JSON"),
        ("RegionId", "cn-shanghai"),
        ("AccessKeyId", "LTAI****"),
        ("SecurityToken", ""),
        ("Signature", "abc+/="),
        ("SignatureMethod", "HMAC-SHA1"),
        ("SignatureVersion", "1.0"),
        ("SignatureNonce", "3ee8c1b8-83d3-44af-a94f-4e0ad82fd6cf"),
        ("Timestamp", "2024-01-01T00:00:00Z"),
        ("Title", "x"),
    ]);
    assert_eq!(r, by_id(|r| r.title = FieldUpdate::Set(p("x"))));
    // They are not written back.
    assert_eq!(
        r.to_params(),
        [("MediaId", ID.to_owned()), ("Title", "x".to_owned())]
    );
}

#[test]
fn action_and_version_must_be_this_operation() {
    #[track_caller]
    fn bad(name: &str, value: &str, expected: &'static str, message: &str) {
        let kind = err_id(&[(name, value)], name, message);
        assert_matches!(
            kind,
            ParamErrorKind::UnexpectedValue { expected: e, value: v, .. }
                if *e == expected && *v == Excerpt::new(value)
        );
    }
    bad(
        "Action",
        "GetMediaInfo",
        "UpdateMediaInfo",
        "invalid Action: \"GetMediaInfo\", only UpdateMediaInfo accepted",
    );
    bad(
        "Action",
        "updatemediainfo",
        "UpdateMediaInfo",
        "invalid Action: \"updatemediainfo\", only UpdateMediaInfo accepted",
    );
    bad(
        "Action",
        "",
        "UpdateMediaInfo",
        "invalid Action: \"\", only UpdateMediaInfo accepted",
    );
    bad(
        "Version",
        "2017-03-21",
        "2020-11-09",
        "invalid Version: \"2017-03-21\", only 2020-11-09 accepted",
    );
    bad(
        "Version",
        "2020-11-09 ",
        "2020-11-09",
        "invalid Version: \"2020-11-09 \", only 2020-11-09 accepted",
    );
}

// ---- every problem at once, in order ------------------------------------------------------------

#[test]
fn all_problems_are_reported_in_order() {
    let long_category = "界".repeat(22); // 66 bytes
    let pairs: Vec<(&str, &str)> = vec![
        ("Zzz", "1"),
        ("Version", "2017-03-21"),
        ("ReferenceId", "abc"),
        ("Tittle", "x"),
        ("Action", "GetMediaInfo"),
        ("CateId", "-5"),
        ("AppendTags", "yes"),
        ("Format", "JSON"),
        ("UserData", "\u{1}"),
        ("CoverURL", "ftp://example.com/c.png"),
        ("MediaTags", "a,,b"),
        ("Category", &long_category),
        ("Description", "a\u{0}"),
        ("Title", "\u{7}bell"),
        ("BusinessType", "video"),
        ("Format", "XML"),
        ("InputURL", "oss://example-bucket/a#b"),
        ("MediaId", "****20b48fb0****"),
        ("title", "x"),
        ("Zzz", "2"),
    ];
    let e = refused(&pairs);
    let found: Vec<_> = listed(&e).into_iter().map(|(p, _, m)| (p, m)).collect();
    let want = [
        ("MediaId", "invalid MediaId: character '*' at byte 0 not allowed, only A-Z a-z 0-9 - _ in \"****20b48fb0****\""),
        ("InputURL", "invalid InputURL: fragment not allowed at byte 22 in \"oss://example-bucket/a#b\""),
        ("BusinessType", messages::BUSINESS_TYPE_VIDEO),
        ("Title", "invalid Title: control character U+0007 at byte 0 in \"<U+0007>bell\""),
        ("Description", messages::DESCRIPTION_NUL),
        ("Category", messages::CATEGORY_66_BYTES),
        ("MediaTags", messages::SECOND_TAG_EMPTY),
        ("CoverURL", "invalid CoverURL: scheme not allowed, only http:// or https:// in \"ftp://example.com/c.png\""),
        ("UserData", "invalid UserData: control character U+0001 at byte 0 in \"<U+0001>\""),
        ("AppendTags", messages::APPEND_TAGS_YES),
        ("CateId", messages::CATE_ID_MINUS_5),
        ("ReferenceId", messages::REFERENCE_ID_ABC),
        ("Action", "invalid Action: \"GetMediaInfo\", only UpdateMediaInfo accepted"),
        ("Version", "invalid Version: \"2017-03-21\", only 2020-11-09 accepted"),
        ("Format", "invalid Format: given 2 times, at most once allowed"),
        ("Zzz", messages::UNKNOWN_ZZZ),
        ("Tittle", messages::UNKNOWN_TITTLE),
        ("title", "unknown parameter \"title\": not a parameter of UpdateMediaInfo, did you mean Title"),
    ]
    .map(|(p, m)| (p.to_owned(), m.to_owned()));
    assert_eq!(found, want);
    assert_eq!(e.omitted(), 0);
    assert!(e
        .errors()
        .iter()
        .all(|e| e.code() == ErrorCode::InvalidParameter));
    assert_eq!(
        e.to_string(),
        want.iter()
            .map(|(_, m)| m.as_str())
            .collect::<Vec<_>>()
            .join("; ")
    );
    // The order of the input does not change the order of the errors.
    let mut reversed = pairs.clone();
    reversed.reverse();
    let r = refused(&reversed);
    let mut unknown_last: Vec<_> = listed(&r).into_iter().map(|(p, _, m)| (p, m)).collect();
    assert_eq!(unknown_last[..15], want[..15]);
    // Unknown names follow the input order.
    let names: Vec<_> = unknown_last.drain(15..).map(|(p, _)| p).collect();
    assert_eq!(names, ["Zzz", "title", "Tittle"]);
}

#[test]
fn missing_target_comes_first_and_other_errors_are_still_reported() {
    let e = refused(&[("Zzz", "1"), ("Title", &"x".repeat(129)), ("Action", "X")]);
    let found: Vec<_> = listed(&e).into_iter().map(|(p, c, _)| (p, c)).collect();
    assert_eq!(
        found,
        [
            ("MediaId".to_owned(), ErrorCode::MissingParameter),
            ("Title".to_owned(), ErrorCode::InvalidParameter),
            ("Action".to_owned(), ErrorCode::InvalidParameter),
            ("Zzz".to_owned(), ErrorCode::InvalidParameter),
        ]
    );
    assert_eq!(e.code(), ErrorCode::MissingParameter);
}

#[test]
fn errors_are_capped_and_the_rest_counted() {
    assert_eq!(RequestError::MAX_ERRORS, 64);
    let names: Vec<String> = (0..100).map(|i| format!("X{i:03}")).collect();
    let mut pairs: Vec<(&str, &str)> = vec![("MediaId", ID)];
    pairs.extend(names.iter().map(|n| (n.as_str(), "v")));
    let e = refused(&pairs);
    assert_eq!(e.errors().len(), 64);
    assert_eq!(e.omitted(), 36);
    assert_eq!(e.errors()[0].param(), "X000");
    assert_eq!(e.errors()[63].param(), "X063");
    assert!(e.to_string().ends_with(
        "; unknown parameter \"X063\": not a parameter of UpdateMediaInfo; and 36 more"
    ));

    // With the target missing as well: 101 problems, the first 64 listed.
    let e = refused(&pairs[1..]);
    assert_eq!(e.errors().len(), 64);
    assert_eq!(e.omitted(), 37);
    assert_eq!(e.errors()[0].kind(), &ParamErrorKind::Missing);
    assert_eq!(e.errors()[63].param(), "X062");

    // Exactly 64 problems: nothing omitted.
    let e = refused(&pairs[..65]);
    assert_eq!((e.errors().len(), e.omitted()), (64, 0));
    assert!(!e.to_string().contains("more"));

    // The same unknown name a thousand times is one problem.
    let many = vec![("Zzz", "v"); 1000];
    let e = refused(&[&[("MediaId", ID)], &many[..]].concat());
    assert_eq!((e.errors().len(), e.omitted()), (1, 0));

    // Past the list as well: each name counts once, however often it repeats, through the
    // pairs and the query alike.
    let mut repeated = pairs.clone();
    for _ in 0..50 {
        repeated.extend(names[64..70].iter().map(|n| (n.as_str(), "v")));
        repeated.extend(names[..3].iter().map(|n| (n.as_str(), "v")));
    }
    let e = refused(&repeated);
    assert_eq!((e.errors().len(), e.omitted()), (64, 36));
    let query: Vec<String> = repeated.iter().map(|(k, v)| format!("{k}={v}")).collect();
    let e = Request::from_query(&query.join("&")).unwrap_err();
    assert_eq!((e.errors().len(), e.omitted()), (64, 36));
}

#[test]
fn hostile_input_is_bounded() {
    // Many names within the 64 KiB of a request: at most 64 listed, the rest counted.
    let names: Vec<String> = (0..5_000).map(|i| format!("N{i}")).collect();
    let e = Request::from_params(names.iter().map(|n| (n.as_str(), "v"))).unwrap_err();
    assert_eq!(e.errors().len(), 64);
    assert_eq!(e.omitted(), 5_000 + 1 - 64);
    // Past 64 KiB of names and values, the request is refused whole, on the parameter being
    // read: a 10 MiB value, a 10 MiB name, 100,000 names.
    let huge = "x".repeat(10 * 1024 * 1024);
    let e = refused(&[("MediaId", ID), ("Title", &huge), (&huge, "")]);
    assert_eq!(e.errors().len(), 1);
    assert_eq!(
        e.errors()[0].to_string(),
        format!(
            "invalid Title: request of {} bytes or more, at most 65536 allowed: refused whole",
            "MediaId".len() + ID.len() + "Title".len() + huge.len()
        )
    );
    let e = refused(&[("MediaId", ID), (&huge, "")]);
    assert_eq!(e.errors()[0].param(), "x".repeat(64));
    assert_eq!(
        e.errors()[0].to_string(),
        format!(
            "invalid {}…: request of {} bytes or more, at most 65536 allowed: refused whole",
            "x".repeat(64),
            "MediaId".len() + ID.len() + huge.len()
        )
    );
    let names: Vec<String> = (0..100_000).map(|i| format!("N{i}")).collect();
    let e = Request::from_params(names.iter().map(|n| (n.as_str(), "v"))).unwrap_err();
    assert_eq!((e.errors().len(), e.omitted()), (1, 0));
    assert_matches!(
        e.errors()[0].kind(),
        ParamErrorKind::RequestTooLarge { max: 65536, found, .. } if *found > 65536
    );
}

// ---- from_query ---------------------------------------------------------------------------------

#[test]
fn query_decodes_plus_and_escapes() {
    let title = |q: &str| ok_query(&format!("MediaId={ID}&Title={q}")).title;
    assert_eq!(title("a+b"), FieldUpdate::Set(p("a b")));
    assert_eq!(title("a%2Bb"), FieldUpdate::Set(p("a+b")));
    assert_eq!(title("a%20b"), FieldUpdate::Set(p("a b")));
    assert_eq!(
        title("%e7%95%8c%E7%95%8C%f0%9F%8E%AC"),
        FieldUpdate::Set(p("界界🎬"))
    );
    assert_eq!(title("a%3Db%26c%3d"), FieldUpdate::Set(p("a=b&c=")));
    assert_eq!(title("a=b"), FieldUpdate::Set(p("a=b")));
    assert_eq!(title("%25"), FieldUpdate::Set(p("%")));
    assert_eq!(title("界~"), FieldUpdate::Set(p("界~")));
    // Form decoding leaves other characters as they are, even ones RFC 3986 would escape.
    assert_eq!(title("a/b?c"), FieldUpdate::Set(p("a/b?c")));
}

#[test]
fn query_names_are_decoded() {
    assert_eq!(
        ok_query(&format!("%4DediaId={ID}&%54%69tle=x")),
        by_id(|r| r.title = FieldUpdate::Set(p("x")))
    );
    err_query(
        &format!("MediaId={ID}&Media+Id=x"),
        "Media Id",
        "unknown parameter \"Media Id\": not a parameter of UpdateMediaInfo, did you mean MediaId",
    );
    // A name that does not decode is reported as received.
    err_query(
        &format!("MediaId={ID}&%FF=x"),
        "%FF",
        "unknown parameter \"%FF\": not a parameter of UpdateMediaInfo",
    );
    // The value of an unknown name is not looked at.
    err_query(
        &format!("MediaId={ID}&Zzz=%zz%FF{}", "%41".repeat(10_000)),
        "Zzz",
        messages::UNKNOWN_ZZZ,
    );
    err_query(
        &format!("MediaId={ID}&Ti%tle=x"),
        "Ti%tle",
        "unknown parameter \"Ti%tle\": not a parameter of UpdateMediaInfo, did you mean Title",
    );
}

#[test]
fn query_empty_segments_and_segments_without_equals() {
    assert_eq!(
        ok_query(&format!("&&MediaId={ID}&&Title=x&")),
        by_id(|r| r.title = FieldUpdate::Set(p("x")))
    );
    assert_eq!(
        ok_query(&format!("MediaId={ID}&Title&CateId")),
        by_id(|r| {
            r.title = FieldUpdate::Clear;
            r.cate_id = FieldUpdate::Clear;
        })
    );
    assert_eq!(
        ok_query(&format!("MediaId={ID}&Title=")),
        ok_query(&format!("MediaId={ID}&Title"))
    );
    for q in ["MediaId", "MediaId=", "", "&", "InputURL&MediaId"] {
        let e = Request::from_query(q).unwrap_err();
        assert_eq!(e.errors(), [missing()], "{q:?}");
    }
}

#[test]
fn query_bad_escapes_are_refused() {
    #[track_caller]
    fn bad(name: &str, value: &str, at: usize) {
        let kind = err_query(
            &format!("MediaId={ID}&{name}={value}"),
            name,
            &format!(
                "invalid {name}: '%' at byte {at} not followed by two hex digits in {:?}",
                value
            ),
        );
        // The value is quoted as received, still encoded.
        assert_matches!(
            kind,
            ParamErrorKind::PercentEscape { at: a, value: v, .. }
                if *a == at && *v == Some(Excerpt::new(value))
        );
    }
    bad("Title", "a%2", 1);
    bad("Title", "%", 0);
    bad("Title", "%zz", 0);
    bad("Title", "ab%4g", 2);
    bad("Description", "%%41", 0);
    bad("MediaTags", "a,%G0", 2);
    bad("AppendTags", "tru%", 3);
    bad("CateId", "1%2", 1);
    bad("ReferenceId", "abcdef%", 6);
    bad("BusinessType", "%x1", 0);
    bad("InputURL", "oss%3A%2", 6);
}

#[test]
fn query_invalid_utf8_is_reported_never_replaced() {
    #[track_caller]
    fn bad(name: &str, value: &str, at: usize) {
        let kind = err_query(
            &format!("MediaId={ID}&{name}={value}"),
            name,
            &format!(
                "invalid {name}: not valid UTF-8 after decoding, invalid byte at {at} in {:?}",
                value
            ),
        );
        assert_matches!(
            kind,
            ParamErrorKind::InvalidUtf8 { at: a, value: v, .. }
                if *a == at && *v == Excerpt::new(value)
        );
    }
    bad("Title", "%FF", 0);
    bad("Title", "ab%ff", 2);
    bad("Title", "ab%E7%95", 2); // a sequence cut short
    bad("Title", "%C0%80", 0); // overlong
    bad("Title", "%ED%A0%80", 0); // a surrogate
    bad("Description", "ok+%80", 3);
    bad("UserData", "%FE", 0);
    bad("MediaTags", "a,%FF", 2);
    bad("Category", "%FF", 0);
    bad("CoverURL", "%FF", 0);
    bad("ReferenceId", "%FF%FF%FF%FF%FF%FF", 0);
    // A MediaId that does not decode is its own error, not a missing target.
    bad("InputURL", "oss://b%FF", 7);
    let e = Request::from_query("MediaId=%FF").unwrap_err();
    one_err(
        &e,
        "MediaId",
        "invalid MediaId: not valid UTF-8 after decoding, invalid byte at 0 in \"%FF\"",
    );
}

#[test]
fn query_byte_limits_count_decoded_bytes() {
    let at_limit = format!("{}ab", "%E7%95%8C".repeat(42)); // 128 bytes decoded
    let r = ok_query(&format!("MediaId={ID}&Title={at_limit}"));
    assert_eq!(r.title.as_set().unwrap().as_str().len(), 128);
    let over = "%E7%95%8C".repeat(43); // 129 bytes
    let kind = err_query(
        &format!("MediaId={ID}&Title={over}"),
        "Title",
        messages::TITLE_129_BYTES,
    );
    assert_matches!(
        kind,
        ParamErrorKind::TooLong {
            max: 128,
            found: 129,
            unit: Unit::Bytes,
            ..
        }
    );
    // Over the limit and not UTF-8: the length is reported, decoding never happens.
    err_query(
        &format!("MediaId={ID}&Description={}", "%FF".repeat(1025)),
        "Description",
        messages::DESCRIPTION_1025_BYTES,
    );
    // The same message as from_params gives for the same decoded value.
    for (name, value) in [
        ("Title", "界".repeat(43)),
        ("Category", "界".repeat(22)),
        (
            "CoverURL",
            format!("https://example.com/{}", "a".repeat(109)),
        ),
        ("UserData", "x".repeat(1025)),
        ("Description", "é".repeat(513)),
        (
            "InputURL",
            format!("oss://example-bucket/{}", "k".repeat(4076)),
        ),
    ] {
        let from_params = refused(&[("MediaId", ID), (name, &value)]);
        let mut encoded = String::new();
        for b in value.bytes() {
            encoded.push_str(&format!("%{b:02X}"));
        }
        let from_query =
            Request::from_query(&format!("MediaId={ID}&{name}={encoded}")).unwrap_err();
        assert_eq!(from_query, from_params, "{name}");
    }
}

#[test]
fn query_common_parameters() {
    assert_eq!(
        ok_query(&format!(
            "Action=UpdateMediaInfo&Version=2020-11-09&Format=JSON&MediaId={ID}&Signature=a%2Bb%3D"
        )),
        by_id(|_| {})
    );
    // Ignored, but a value that does not decode is still a malformed query; the value, which
    // may be a credential, is not quoted.
    err_query(
        &format!("MediaId={ID}&Signature=ab%zz"),
        "Signature",
        "invalid Signature: '%' at byte 2 not followed by two hex digits",
    );
    err_query(
        &format!("Action=Update+MediaInfo&MediaId={ID}"),
        "Action",
        "invalid Action: \"Update MediaInfo\", only UpdateMediaInfo accepted",
    );
}

// ---- writing back -------------------------------------------------------------------------------

fn full() -> Request {
    let mut r = Request::new(MediaTarget::MediaId {
        id: p(ID),
        input_url: Some(p("oss://example-bucket/a b~+%25.mp4")),
    });
    r.business_type = FieldUpdate::Set(BusinessType::General);
    r.title = FieldUpdate::Set(p("a&b=c d+e%f~g"));
    r.description = FieldUpdate::Clear;
    r.category = FieldUpdate::Set(p("界"));
    r.media_tags = TagsUpdate::Append(tags("x y,🎬"));
    r.cover_url = FieldUpdate::Set(p("https://example.com/c.png?s=1&t=2"));
    r.user_data = FieldUpdate::Set(p("{\"a\":\"b\"}\n"));
    r.cate_id = FieldUpdate::Set(CateId::try_from(3048_i64).unwrap());
    r.reference_id = FieldUpdate::Set(p("ref_123-x"));
    r
}

#[test]
fn to_params_in_table_order() {
    let want = [
        ("MediaId", ID),
        ("InputURL", "oss://example-bucket/a b~+%25.mp4"),
        ("BusinessType", "general"),
        ("Title", "a&b=c d+e%f~g"),
        ("Description", ""),
        ("Category", "界"),
        ("MediaTags", "x y,🎬"),
        ("CoverURL", "https://example.com/c.png?s=1&t=2"),
        ("UserData", "{\"a\":\"b\"}\n"),
        ("AppendTags", "true"),
        ("CateId", "3048"),
        ("ReferenceId", "ref_123-x"),
    ]
    .map(|(n, v)| (n, v.to_owned()));
    assert_eq!(full().to_params(), want);
    // Replace writes no AppendTags.
    let mut r = full();
    r.media_tags = TagsUpdate::Replace(tags("x"));
    assert!(r.to_params().iter().all(|(n, _)| *n != "AppendTags"));
}

#[test]
fn to_query_is_rfc_3986() {
    assert_eq!(
        full().to_query(),
        format!(
            "MediaId={ID}\
             &InputURL=oss%3A%2F%2Fexample-bucket%2Fa%20b~%2B%2525.mp4\
             &BusinessType=general\
             &Title=a%26b%3Dc%20d%2Be%25f~g\
             &Description=\
             &Category=%E7%95%8C\
             &MediaTags=x%20y%2C%F0%9F%8E%AC\
             &CoverURL=https%3A%2F%2Fexample.com%2Fc.png%3Fs%3D1%26t%3D2\
             &UserData=%7B%22a%22%3A%22b%22%7D%0A\
             &AppendTags=true\
             &CateId=3048\
             &ReferenceId=ref_123-x"
        )
    );
    let r = Request::new(MediaTarget::InputUrl(p("vod://abc")));
    assert_eq!(r.to_query(), "InputURL=vod%3A%2F%2Fabc");
}

#[test]
fn round_trips_through_params_and_query() {
    round_trip(&full());
    // Each target form.
    round_trip(&by_id(|_| {}));
    round_trip(&Request::new(MediaTarget::InputUrl(p(URL))));
    round_trip(&Request::new(MediaTarget::InputUrl(p(
        "https://Example-Bucket.OSS-cn-shanghai.aliyuncs.com/%E7%95%8C%2F+a b.mp4",
    ))));
    round_trip(&Request::new(MediaTarget::InputUrl(p("vod://abc-123_X"))));
    round_trip(&Request::new(MediaTarget::MediaId {
        id: p("icepublic-abc"),
        input_url: Some(p(URL)),
    }));
    // Each TagsUpdate.
    for update in [
        TagsUpdate::Keep,
        TagsUpdate::Replace(MediaTags::new()),
        TagsUpdate::Replace(tags("a,b c,界,🎬,+,%,&,=")),
        TagsUpdate::Append(MediaTags::new()),
        TagsUpdate::Append(tags("a,b")),
    ] {
        round_trip(&by_id(|r| r.media_tags = update));
    }
    // Clear of each field, all at once and one at a time.
    let clear_all = by_id(|r| {
        r.business_type = FieldUpdate::Clear;
        r.title = FieldUpdate::Clear;
        r.description = FieldUpdate::Clear;
        r.category = FieldUpdate::Clear;
        r.media_tags = TagsUpdate::Replace(MediaTags::new());
        r.cover_url = FieldUpdate::Clear;
        r.user_data = FieldUpdate::Clear;
        r.cate_id = FieldUpdate::Clear;
        r.reference_id = FieldUpdate::Clear;
    });
    round_trip(&clear_all);
    round_trip(&by_id(|r| r.business_type = FieldUpdate::Clear));
    round_trip(&by_id(|r| r.title = FieldUpdate::Clear));
    round_trip(&by_id(|r| r.description = FieldUpdate::Clear));
    round_trip(&by_id(|r| r.category = FieldUpdate::Clear));
    round_trip(&by_id(|r| r.cover_url = FieldUpdate::Clear));
    round_trip(&by_id(|r| r.user_data = FieldUpdate::Clear));
    round_trip(&by_id(|r| r.cate_id = FieldUpdate::Clear));
    round_trip(&by_id(|r| r.reference_id = FieldUpdate::Clear));
    // Values with the characters the wire forms treat specially.
    for title in [
        "a&b",
        "a=b",
        "a+b",
        "100%",
        "%41",
        "a b",
        " lead",
        "trail ",
        "界 🎬",
        "+",
        "=",
        "&",
        "~",
        "a%2Bb",
        "עברית",
        "\u{200B}zero width",
        "😀👍🏽",
    ] {
        round_trip(&by_id(|r| r.title = FieldUpdate::Set(p(title))));
    }
    for description in ["tab\there", "line\nbreak", "cr\r\nlf", "\t", "\n&=+%"] {
        round_trip(&by_id(|r| {
            r.description = FieldUpdate::Set(p::<Description>(description))
        }));
    }
    round_trip(&by_id(|r| {
        r.user_data = FieldUpdate::Set(p("{\"url\":\"https://x/?a=1&b=2+3%\"}\r\n"))
    }));
    round_trip(&by_id(|r| {
        r.cate_id = FieldUpdate::Set(CateId::try_from(i64::MAX).unwrap())
    }));
    round_trip(&by_id(|r| {
        r.business_type = FieldUpdate::Set(BusinessType::Bgi)
    }));
}

#[test]
fn parsed_requests_round_trip() {
    for q in [
        format!("MediaId={ID}&Title=a+b%26c&MediaTags=+x+,y,x&AppendTags=TRUE"),
        "InputURL=oss%3A%2F%2Fexample-bucket%2Fa%2520b&MediaId=&Description=%09&CateId=7"
            .to_owned(),
        format!("MediaId={ID}&InputURL=&MediaTags=&AppendTags=False&Category=&UserData="),
        format!("Action=UpdateMediaInfo&MediaId={ID}&Title=~%7E"),
    ] {
        let r = ok_query(&q);
        round_trip(&r);
        let params: Vec<(String, String)> = r
            .to_params()
            .into_iter()
            .map(|(n, v)| (n.to_owned(), v))
            .collect();
        assert_eq!(Request::from_params(params), Ok(r));
    }
}

#[test]
fn signature_type_and_bearer_token_of_the_official_sdks_are_ignored() {
    // The core SDKs send `SignatureType=` on every request; bearer-token credentials add
    // `BearerToken` and `SignatureType=BEARERTOKEN`.
    for query in [
        "MediaId=abc&Title=x&SignatureType=",
        "MediaId=abc&Title=x&SignatureType=BEARERTOKEN&BearerToken=eyJhbGciOi.x.y",
    ] {
        let r = Request::from_query(query).unwrap();
        assert_eq!(r.title.as_set().map(|t| t.as_str()), Some("x"), "{query}");
    }
    // Repeated, they are refused like every other name.
    let err = Request::from_query("MediaId=abc&SignatureType=&SignatureType=").unwrap_err();
    assert_eq!(
        err.to_string(),
        "invalid SignatureType: given 2 times, at most once allowed"
    );
    assert_eq!(Request::COMMON_PARAMETERS.len(), 13);
}

#[test]
fn parameters_of_older_sdk_models_are_refused_by_name() {
    for name in Request::RETIRED_PARAMETERS {
        let err =
            Request::from_params([("MediaId", "abc"), (name, "[]"), (name, "x")]).unwrap_err();
        assert_eq!(err.errors().len(), 1, "{name}");
        let e = &err.errors()[0];
        assert_eq!((e.param(), e.code()), (name, ErrorCode::InvalidParameter));
        assert_eq!(e.kind(), &ParamErrorKind::RetiredParameter);
        assert_eq!(
            e.to_string(),
            format!(
                "invalid {name}: a parameter of older SDK models, not of UpdateMediaInfo as \
                 documented today, so it would not be applied"
            )
        );
        // The query form does not decode the value of a name it refuses.
        let err = Request::from_query(&format!("MediaId=abc&{name}=%zz")).unwrap_err();
        assert_eq!(err.errors()[0].kind(), &ParamErrorKind::RetiredParameter);
    }
}

#[test]
fn ignored_common_parameters_are_checked_for_escapes_only() {
    // A bad escape makes the query malformed wherever it stands.
    let err = Request::from_query("MediaId=abc&Signature=%zz").unwrap_err();
    assert_eq!(err.errors()[0].param(), "Signature");
    assert_matches!(
        err.errors()[0].kind(),
        ParamErrorKind::PercentEscape {
            at: 0,
            value: None,
            ..
        }
    );
    // What an ignored value decodes to is never used, so it is not checked.
    assert!(Request::from_query("MediaId=abc&Signature=%FF%FE&SignatureType=").is_ok());
    // Action and Version are still read.
    let err = Request::from_query("MediaId=abc&Action=%55pdateMediaInfo&Version=x").unwrap_err();
    assert_eq!(err.errors().len(), 1);
    assert_eq!(err.errors()[0].param(), "Version");
}

#[test]
fn messages_quote_values_so_any_reader_can_read_them() {
    // Invisible characters as <U+XXXX>, `"` and `\` escaped: readable in a terminal, a log or
    // a JSON body alike, and a bidirectional mark cannot reorder the message.
    let cases = [
        ("a\u{202E}b", "\"a<U+202E>b\""),
        ("\u{FEFF}x\u{200B}", "\"<U+FEFF>x<U+200B>\""),
        ("tab\there", "\"tab<U+0009>here\""),
        ("q\"b\\s", "\"q\\\"b\\\\s\""),
        ("界 é", "\"界 é\""),
        // Default-ignorable code points and the blank Braille pattern, which show nothing.
        ("a\u{E0041}\u{E0042}b", "\"a<U+E0041><U+E0042>b\""),
        ("v\u{FE0F}\u{34F}", "\"v<U+FE0F><U+034F>\""),
        ("\u{115F}\u{3164}\u{2800}", "\"<U+115F><U+3164><U+2800>\""),
        ("\u{600}1", "\"<U+0600>1\""),
    ];
    for (name, quoted) in cases {
        let e = Request::from_params([("MediaId", ID), (name, "v")]).unwrap_err();
        assert_eq!(
            e.errors()[0].to_string(),
            format!("unknown parameter {quoted}: not a parameter of UpdateMediaInfo"),
            "{name:?}"
        );
    }
    // The hostile report's value: tag characters in a MediaId.
    let e = Request::from_params([("MediaId", "a\u{E0041}\u{E0042}b")]).unwrap_err();
    assert_eq!(
        e.to_string(),
        "invalid MediaId: character U+E0041 at byte 1 not allowed, only A-Z a-z 0-9 - _ in \
         \"a<U+E0041><U+E0042>b\""
    );
    let e = "ab\u{3000}".parse::<ims_media::MediaId>().unwrap_err();
    assert_eq!(
        e.to_string(),
        "invalid MediaId: character U+3000 at byte 2 not allowed, only A-Z a-z 0-9 - _ in \"ab<U+3000>\""
    );
}

/// A cover copied from GetMediaInfo is signed and too long: every entry point says it is
/// signed (and to give the unsigned URL) rather than only its length; an unsigned long cover
/// is refused by its length.
#[test]
fn a_long_signed_cover_is_refused_as_signed() {
    let signed =
        "http://example-bucket.oss-cn-shanghai.aliyuncs.com/example.png?Expires=1700000000\
        &OSSAccessKeyId=LTAI4Fk9FstqSEYnqKJ5Dpeo&Signature=gTOiDCFC0uW9wr27XC0Ej4mn0rY%3D";
    assert!(signed.len() > ims_media::CoverUrl::MAX_BYTES);
    let message = "invalid CoverURL: signed by OSS, a signed URL expires: give the unsigned URL in";
    let encoded: String = signed
        .bytes()
        .map(|b| match b {
            b'&' => "%26".to_owned(),
            b'=' => "%3D".to_owned(),
            b'%' => "%25".to_owned(),
            b => char::from(b).to_string(),
        })
        .collect();
    let errors = [
        ims_media::UpdateMediaInfoRequest::from_params([("MediaId", "a"), ("CoverURL", signed)])
            .unwrap_err()
            .to_string(),
        ims_media::UpdateMediaInfoRequest::from_query(&format!("MediaId=a&CoverURL={encoded}"))
            .unwrap_err()
            .to_string(),
        serde_json::from_value::<ims_media::UpdateMediaInfoRequest>(
            serde_json::json!({"MediaId": "a", "CoverURL": signed}),
        )
        .unwrap_err()
        .to_string(),
    ];
    for e in &errors {
        assert!(e.starts_with(message), "{e}");
    }
    let long = format!("https://example.com/{}", "c".repeat(200));
    assert_eq!(
        long.parse::<ims_media::CoverUrl>().unwrap_err().to_string(),
        "invalid CoverURL: 220 bytes, at most 128 allowed"
    );
}
