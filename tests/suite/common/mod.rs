//! Helpers the integration tests share.
#![allow(dead_code)]

use std::fmt::{self, Debug};

use proptest::test_runner::{Config as ProptestConfig, FileFailurePersistence};

/// 1,000 cases, failures kept in `proptest-regressions/<file>` and committed (proptest's
/// default place does not work for files in `tests/`).
pub fn proptest_config(file: &'static str) -> ProptestConfig {
    ProptestConfig {
        cases: 1000,
        failure_persistence: Some(Box::new(FileFailurePersistence::Direct(file))),
        ..ProptestConfig::default()
    }
}

/// Panics for [`assert_matches!`]: the value (by its `Debug`), the pattern as written, and the
/// message, if any.
#[track_caller]
#[allow(clippy::panic)]
pub fn match_failed(value: &dyn Debug, pattern: &str, message: Option<fmt::Arguments<'_>>) -> ! {
    match message {
        Some(message) => {
            panic!("assertion failed: {message}\n  value: {value:?}\npattern: {pattern}")
        }
        None => {
            panic!("assertion failed: value does not match\n  value: {value:?}\npattern: {pattern}")
        }
    }
}

/// Asserts that a value matches a pattern, with an optional guard, and panics with the value's
/// `Debug` and the pattern's text when it does not; an optional `format!` message may follow.
///
/// The value is matched by reference, so bindings are references: compare them in the guard
/// with `*`, e.g. `assert_matches!(kind, ParamErrorKind::OutOfRange { value, .. } if *value ==
/// Excerpt::new("0"))`. Error variants are `#[non_exhaustive]` outside the crate, so their
/// patterns end with `..` and every field the test cares about is named in the pattern or the
/// guard.
#[macro_export]
macro_rules! assert_matches {
    ($value:expr, $pattern:pat $(if $guard:expr)? $(,)?) => {
        match &$value {
            $pattern $(if $guard)? => {}
            other => $crate::common::match_failed(
                other,
                ::std::stringify!($pattern $(if $guard)?),
                ::std::option::Option::None,
            ),
        }
    };
    ($value:expr, $pattern:pat $(if $guard:expr)?, $($message:tt)+) => {
        match &$value {
            $pattern $(if $guard)? => {}
            other => $crate::common::match_failed(
                other,
                ::std::stringify!($pattern $(if $guard)?),
                ::std::option::Option::Some(::std::format_args!($($message)+)),
            ),
        }
    };
}

/// Asserts that a `ParamErrorKind` is `Url` with the value `value` (compared as
/// `Excerpt::new(value)`) and a reason matching the `UrlError` pattern and optional guard; an
/// optional `format!` message may follow.
#[macro_export]
macro_rules! assert_url_error {
    ($kind:expr, $value:expr, $reason:pat $(if $guard:expr)? $(,)?) => {
        $crate::assert_matches!(
            $kind,
            ::ims_media::ParamErrorKind::Url { reason: $reason, value, .. }
                if *value == ::ims_media::Excerpt::new($value) $(&& $guard)?
        )
    };
    ($kind:expr, $value:expr, $reason:pat $(if $guard:expr)?, $($message:tt)+) => {
        $crate::assert_matches!(
            $kind,
            ::ims_media::ParamErrorKind::Url { reason: $reason, value, .. }
                if *value == ::ims_media::Excerpt::new($value) $(&& $guard)?,
            $($message)+
        )
    };
}

pub mod messages;
pub mod model;
