#![no_main]

use libfuzzer_sys::fuzz_target;

#[path = "../../tests/suite/fuzz_oracles.rs"]
mod oracles;

fuzz_target!(|data: &[u8]| oracles::aimed_update(data));
