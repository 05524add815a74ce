//! Fuzz target: arbitrary bytes as a source file through `parse_module_bytes` (decoding, tokenizer,
//! parser). It must return, `Ok` or a `SyntaxError`, and never panic, hang or overflow the stack.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let _ = protopy_compiler::parse_module_bytes(data);
});
