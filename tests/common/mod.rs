//! Helpers the integration tests share.
#![allow(dead_code)]

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

pub mod model;
