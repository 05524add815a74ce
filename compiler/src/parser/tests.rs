//! Parser tests that fixtures cannot express: deep nesting on small thread stacks, where the
//! parser must either succeed or give CPython's MemoryError, never overflow the stack.

use crate::error::ErrorKind;

/// Parses `src` on a thread with only `stack` bytes of stack.
#[allow(clippy::expect_used)] // a test harness failure, not an input path
fn parse_on_small_stack(src: String, stack: usize) -> Result<(), (ErrorKind, String)> {
    let handle = std::thread::Builder::new()
        .stack_size(stack)
        .spawn(move || {
            let module = crate::parse_module(&src).map_err(|e| (e.kind, e.msg))?;
            // Dumping and dropping the tree recurse as deep as it nests, too.
            let dump =
                crate::ast::dump::dump_module(&module, &crate::text::LineIndex::new(&src), true);
            assert!(dump.starts_with("Module(body=["));
            drop(module);
            Ok(())
        })
        .expect("spawning a test thread");
    handle.join().expect("the parser thread must not crash")
}

#[test]
fn deep_nesting_parses_on_a_small_stack() {
    // The deepest nesting CPython 3.14.10 accepts, measured by bisection on the reference.
    let cases = [
        format!("x = {}1\n", "-".repeat(5966)),
        format!("x = {}x\n", "not ".repeat(5966)),
        format!("f = {}0\n", "lambda: ".repeat(2983)),
        format!("x = 1{}\n", " if 1 else 1".repeat(5966)),
        format!("x = {}1{}\n", "(".repeat(199), ")".repeat(199)),
        format!("x = {}1{}\n", "[".repeat(199), "]".repeat(199)),
        format!("x = 2{}\n", "**2".repeat(2983)),
    ];
    for src in cases {
        let head: String = src.chars().take(16).collect();
        assert_eq!(parse_on_small_stack(src, 256 << 10), Ok(()), "{head}");
    }
}

#[test]
fn too_deep_nesting_is_cpythons_memory_error() {
    let msg = "Parser stack overflowed - Python source too complex to parse".to_string();
    let cases = [
        format!("x = {}1\n", "-".repeat(5967)),
        format!("f = {}0\n", "lambda: ".repeat(2984)),
        format!("x = 2{}\n", "**2".repeat(2984)),
        format!("x = {}1\n", "-".repeat(100_000)),
    ];
    for src in cases {
        assert_eq!(
            parse_on_small_stack(src, 256 << 10),
            Err((ErrorKind::MemoryError, msg.clone()))
        );
    }
}

#[test]
fn too_many_parentheses_is_the_tokenizers_error() {
    let src = format!("x = {}1{}\n", "(".repeat(201), ")".repeat(201));
    assert_eq!(
        parse_on_small_stack(src, 256 << 10),
        Err((ErrorKind::SyntaxError, "too many nested parentheses".into()))
    );
}
