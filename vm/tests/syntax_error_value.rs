//! `SyntaxError` values made from front-end errors (what `compile()` raises): their type and
//! fields, compared with what CPython 3.14 gives for the same sources.

use protopy_vm::api::Interpreter;
use protopy_vm::protocols::{attr, repr};
use protopy_vm::runtime::Config;

#[allow(clippy::expect_used)] // a runtime that cannot start is a broken test setup
fn fields(source: &str) -> String {
    let mut interp = Interpreter::new(Config::default()).expect("the runtime starts");
    let vm = &mut interp.vm;
    let err = protopy_compiler::compile_module(source, "<case>").expect_err("a syntax error");
    let exc = protopy_vm::builtins::compile::syntax_error(vm, &err, "<case>", Some(source)).exc;
    let mut out = vec![vm.type_name(exc)];
    for name in [
        "msg",
        "filename",
        "lineno",
        "offset",
        "end_lineno",
        "end_offset",
        "text",
    ] {
        let v = attr::getattr_str(vm, exc, name).expect("a SyntaxError field");
        out.push(repr::repr(vm, v).expect("a repr"));
    }
    out.join(" ")
}

#[test]
fn parser_errors_give_cpythons_fields() {
    assert_eq!(
        fields("def f(:\n  pass"),
        r"SyntaxError 'invalid syntax' '<case>' 1 7 1 8 'def f(:\n'"
    );
    assert_eq!(
        fields("del f()"),
        r"SyntaxError 'cannot delete function call' '<case>' 1 5 1 8 'del f()\n'"
    );
    assert_eq!(
        fields("if True:\nprint(1)"),
        r#"IndentationError "expected an indented block after 'if' statement on line 1" '<case>' 2 1 2 6 'print(1)\n'"#
    );
}
