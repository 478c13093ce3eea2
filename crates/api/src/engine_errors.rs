//! Codes for the errors async-graphql makes itself — syntax, validation,
//! variables, the document limits, the choice of the operation — which
//! carry no `extensions.code` until we give them one, so that every error
//! a client reads has one (`app::ErrorCode`). Our resolvers' errors have
//! theirs already (`error::graphql_error`).

use app::ErrorCode;
use std::collections::HashSet;

use async_graphql::{Pos, ServerError, Value};

/// The syntax error of a document that does not parse, without the
/// document's text: the parser's own message quotes the offending line,
/// which may hold what a person typed.
pub(crate) fn parse_failure(error: &async_graphql::parser::Error) -> ServerError {
    let message = match error {
        async_graphql::parser::Error::Syntax { start, .. } => format!(
            "the document is not valid GraphQL: syntax error at line {}, column {}",
            start.line, start.column
        ),
        // The other failures name the document's own operations and
        // fragments, not its values.
        other => format!("the document is not valid GraphQL: {other}"),
    };
    let positions = error.positions().collect();
    let mut server_error = ServerError::new(message, None);
    server_error.locations = positions;
    with_code(server_error, ErrorCode::GraphqlParseFailed, None)
}

/// Where the document reads variables in arguments
/// (`limits::arguments_reading_variables`).
pub(crate) type VariablePositions = HashSet<Pos>;

/// Gives every error without a code the one its family has.
pub(crate) fn give_codes(errors: &mut [ServerError], variables: &VariablePositions) {
    for error in errors.iter_mut().filter(|e| code_of(e).is_none()) {
        let (code, limit) = classify(error, variables);
        if let Some(name) = missing_variable(&error.message) {
            error.message = format!(
                "the variable `${name}` has no value: send it in the request's `variables`"
            );
        }
        let taken = std::mem::replace(error, ServerError::new("", None));
        *error = with_code(taken, code, limit);
    }
}

/// The code an error carries, if any.
pub(crate) fn code_of(error: &ServerError) -> Option<&str> {
    match error.extensions.as_ref()?.get("code")? {
        Value::String(code) => Some(code.as_str()),
        _ => None,
    }
}

/// The family of an error async-graphql made, from where it arose and
/// what it says.
fn classify(
    error: &ServerError,
    variables: &VariablePositions,
) -> (ErrorCode, Option<&'static str>) {
    // Errors with a path arose while resolving a field: an argument that
    // could not be read into its type.
    if !error.path.is_empty() {
        return (ErrorCode::BadUserInput, None);
    }
    let message = error.message.as_str();
    let says = |words: &str| message.contains(words);
    if says("nested too deep") {
        (ErrorCode::GraphqlValidationFailed, Some("depth"))
    } else if says("recursion depth") {
        (ErrorCode::GraphqlValidationFailed, Some("recursion"))
    } else if says("number of directives") {
        (ErrorCode::GraphqlValidationFailed, Some("directives"))
    } else if says("too complex") {
        (ErrorCode::QueryTooCostly, Some("cost"))
    } else if says("Invalid value for argument") || says("Expected input type") {
        // The same words for a literal and a variable's value.
        let from_variables = error.locations.iter().any(|pos| variables.contains(pos));
        if from_variables {
            (ErrorCode::BadUserInput, None)
        } else {
            (ErrorCode::GraphqlValidationFailed, None)
        }
    } else if missing_variable(message).is_some() {
        // Declared by the document, absent from the request's variables.
        (ErrorCode::BadUserInput, None)
    } else if says("operation named") || says("Operation name required") {
        // The request's `operationName`, not the document.
        (ErrorCode::BadUserInput, None)
    } else {
        (ErrorCode::GraphqlValidationFailed, None)
    }
}

/// The name in async-graphql's "Variable n is not defined.", said when a
/// declared variable has no value (an undeclared one is quoted, `"$n"`,
/// by validation).
fn missing_variable(message: &str) -> Option<&str> {
    let name = message
        .strip_prefix("Variable ")?
        .strip_suffix(" is not defined.")?;
    let is_name = !name.is_empty() && name.chars().all(|c| c.is_ascii_alphanumeric() || c == '_');
    is_name.then_some(name)
}

fn with_code(mut error: ServerError, code: ErrorCode, limit: Option<&str>) -> ServerError {
    let mut extensions = error.extensions.take().unwrap_or_default();
    extensions.set("code", code.as_str());
    if let Some(limit) = limit {
        extensions.set("limit", limit);
    }
    error.extensions = Some(extensions);
    error
}

#[cfg(test)]
mod tests {
    use super::*;

    fn coded(message: &str) -> (String, Option<String>) {
        coded_at(message, &VariablePositions::new())
    }

    fn coded_at(message: &str, variables: &VariablePositions) -> (String, Option<String>) {
        let mut errors = [ServerError::new(
            message,
            Some(Pos {
                line: 1,
                column: 10,
            }),
        )];
        give_codes(&mut errors, variables);
        let extensions = errors[0].extensions.as_ref().unwrap();
        let text = |key: &str| match extensions.get(key) {
            Some(Value::String(value)) => Some(value.clone()),
            _ => None,
        };
        (text("code").unwrap(), text("limit"))
    }

    #[test]
    fn each_family_of_engine_errors_gets_its_code() {
        assert_eq!(
            coded("Query is nested too deep."),
            (
                "GRAPHQL_VALIDATION_FAILED".to_owned(),
                Some("depth".to_owned())
            )
        );
        assert_eq!(
            coded(r#"Unknown field "nope" on type "Query"."#).0,
            "GRAPHQL_VALIDATION_FAILED"
        );
        // A variable declared with the wrong type is the document's fault.
        assert_eq!(
            coded(r#"Variable "$first" of type "Int" used in position expecting type "String""#).0,
            "GRAPHQL_VALIDATION_FAILED"
        );
        let wrong_value = r#"Invalid value for argument "first", expected type "Int""#;
        assert_eq!(
            coded(wrong_value).0,
            "GRAPHQL_VALIDATION_FAILED",
            "a literal"
        );
        let variable_here = VariablePositions::from([Pos {
            line: 1,
            column: 10,
        }]);
        assert_eq!(
            coded_at(wrong_value, &variable_here).0,
            "BAD_USER_INPUT",
            "a variable"
        );
        assert_eq!(coded(r#"Unknown operation named "B""#).0, "BAD_USER_INPUT");
        assert_eq!(coded("Variable n is not defined.").0, "BAD_USER_INPUT");
        assert_eq!(
            coded(r#"Variable "$n" is not defined."#).0,
            "GRAPHQL_VALIDATION_FAILED"
        );
    }

    #[test]
    fn syntax_errors_do_not_quote_the_document() {
        let document = r#"{ requestContact(input: {message: "my phone is 0470 12 34 56" "#;
        let error = async_graphql::parser::parse_query(document).unwrap_err();
        let refused = parse_failure(&error);
        assert!(!refused.message.contains("0470"), "{}", refused.message);
        assert!(refused.message.contains("line 1"), "{}", refused.message);
        assert_eq!(code_of(&refused), Some("GRAPHQL_PARSE_FAILED"));
    }
}
