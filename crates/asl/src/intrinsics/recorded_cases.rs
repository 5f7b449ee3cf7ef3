//! Every intrinsic call in the executions recorded against AWS
//! (`shared/conformance/localstack`, JSONPath cases), replayed through `parse` and `eval`: the
//! call, the data it ran on, and what AWS returned.

use serde_json::{Value, json};

use super::test_env::TestEnv;

/// (recorded case, call, state input, value AWS produced). `$$.StateMachine.Name` is the
/// recording's placeholder `<ArnPart_0idx>`; `$$.Execution.Input` is the state input.
const SINGLE_CALL_CASES: &[(&str, &str, &str, &str)] = &[
    ("array_TestArray_test_array_0#exec_hist_resp_0", "States.Array()", r#"{"FunctionInput": "HelloWorld"}"#, r#"[]"#),
    (
        "array_TestArray_test_array_2#exec_hist_resp_0",
        "States.Array($.FunctionInput.fst, $.FunctionInput.snd)",
        r#"{"FunctionInput": {"fst": "", "snd": ""}}"#,
        r#"["", ""]"#,
    ),
    (
        "array_TestArray_test_array_2#exec_hist_resp_1",
        "States.Array($.FunctionInput.fst, $.FunctionInput.snd)",
        r#"{"FunctionInput": {"fst": " ", "snd": " "}}"#,
        r#"[" ", " "]"#,
    ),
    (
        "array_TestArray_test_array_2#exec_hist_resp_2",
        "States.Array($.FunctionInput.fst, $.FunctionInput.snd)",
        r#"{"FunctionInput": {"fst": "HelloWorld", "snd": "HelloWorld"}}"#,
        r#"["HelloWorld", "HelloWorld"]"#,
    ),
    (
        "array_TestArray_test_array_2#exec_hist_resp_3",
        "States.Array($.FunctionInput.fst, $.FunctionInput.snd)",
        r#"{"FunctionInput": {"fst": null, "snd": null}}"#,
        r#"[null, null]"#,
    ),
    (
        "array_TestArray_test_array_2#exec_hist_resp_4",
        "States.Array($.FunctionInput.fst, $.FunctionInput.snd)",
        r#"{"FunctionInput": {"fst": 1, "snd": 1}}"#,
        r#"[1, 1]"#,
    ),
    (
        "array_TestArray_test_array_2#exec_hist_resp_5",
        "States.Array($.FunctionInput.fst, $.FunctionInput.snd)",
        r#"{"FunctionInput": {"fst": 1.1, "snd": 1.1}}"#,
        r#"[1.1, 1.1]"#,
    ),
    (
        "array_TestArray_test_array_2#exec_hist_resp_6",
        "States.Array($.FunctionInput.fst, $.FunctionInput.snd)",
        r#"{"FunctionInput": {"fst": "{\"Arg1\": 1, \"Arg2\": []}", "snd": "{\"Arg1\": 1, \"Arg2\": []}"}}"#,
        r#"["{\"Arg1\": 1, \"Arg2\": []}", "{\"Arg1\": 1, \"Arg2\": []}"]"#,
    ),
    (
        "array_TestArray_test_array_2#exec_hist_resp_7",
        "States.Array($.FunctionInput.fst, $.FunctionInput.snd)",
        r#"{"FunctionInput": {"fst": {"Arg1": 1, "Arg2": []}, "snd": {"Arg1": 1, "Arg2": []}}}"#,
        r#"[{"Arg1": 1, "Arg2": []}, {"Arg1": 1, "Arg2": []}]"#,
    ),
    (
        "array_TestArray_test_array_contains#exec_hist_resp_0",
        "States.ArrayContains($.FunctionInput.fst, $.FunctionInput.snd)",
        r#"{"FunctionInput": {"fst": [], "snd": null}}"#,
        r#"false"#,
    ),
    (
        "array_TestArray_test_array_contains#exec_hist_resp_1",
        "States.ArrayContains($.FunctionInput.fst, $.FunctionInput.snd)",
        r#"{"FunctionInput": {"fst": [], "snd": []}}"#,
        r#"false"#,
    ),
    (
        "array_TestArray_test_array_contains#exec_hist_resp_2",
        "States.ArrayContains($.FunctionInput.fst, $.FunctionInput.snd)",
        r#"{"FunctionInput": {"fst": [], "snd": 1}}"#,
        r#"false"#,
    ),
    (
        "array_TestArray_test_array_contains#exec_hist_resp_3",
        "States.ArrayContains($.FunctionInput.fst, $.FunctionInput.snd)",
        r#"{"FunctionInput": {"fst": [[1, 2, 3], 2], "snd": null}}"#,
        r#"false"#,
    ),
    (
        "array_TestArray_test_array_contains#exec_hist_resp_4",
        "States.ArrayContains($.FunctionInput.fst, $.FunctionInput.snd)",
        r#"{"FunctionInput": {"fst": [[1, 2, 3], 2], "snd": [1, 2, 3]}}"#,
        r#"true"#,
    ),
    (
        "array_TestArray_test_array_contains#exec_hist_resp_5",
        "States.ArrayContains($.FunctionInput.fst, $.FunctionInput.snd)",
        r#"{"FunctionInput": {"fst": [{"1": 2, "2": []}], "snd": []}}"#,
        r#"false"#,
    ),
    (
        "array_TestArray_test_array_contains#exec_hist_resp_6",
        "States.ArrayContains($.FunctionInput.fst, $.FunctionInput.snd)",
        r#"{"FunctionInput": {"fst": [{"1": 2, "2": []}], "snd": {"1": 2, "2": []}}}"#,
        r#"true"#,
    ),
    (
        "array_TestArray_test_array_contains#exec_hist_resp_7",
        "States.ArrayContains($.FunctionInput.fst, $.FunctionInput.snd)",
        r#"{"FunctionInput": {"fst": [true, false], "snd": true}}"#,
        r#"true"#,
    ),
    (
        "array_TestArray_test_array_contains#exec_hist_resp_8",
        "States.ArrayContains($.FunctionInput.fst, $.FunctionInput.snd)",
        r#"{"FunctionInput": {"fst": [true, false], "snd": false}}"#,
        r#"true"#,
    ),
    (
        "array_TestArray_test_array_range#exec_hist_resp_0",
        "States.ArrayRange($.FunctionInput.fst, $.FunctionInput.snd, $.FunctionInput.trd)",
        r#"{"FunctionInput": {"fst": 0, "snd": 9, "trd": 3}}"#,
        r#"[0, 3, 6, 9]"#,
    ),
    (
        "array_TestArray_test_array_range#exec_hist_resp_1",
        "States.ArrayRange($.FunctionInput.fst, $.FunctionInput.snd, $.FunctionInput.trd)",
        r#"{"FunctionInput": {"fst": 0, "snd": 10, "trd": 3}}"#,
        r#"[0, 3, 6, 9]"#,
    ),
    (
        "array_TestArray_test_array_range#exec_hist_resp_2",
        "States.ArrayRange($.FunctionInput.fst, $.FunctionInput.snd, $.FunctionInput.trd)",
        r#"{"FunctionInput": {"fst": 1, "snd": 9, "trd": 9}}"#,
        r#"[1]"#,
    ),
    (
        "array_TestArray_test_array_range#exec_hist_resp_3",
        "States.ArrayRange($.FunctionInput.fst, $.FunctionInput.snd, $.FunctionInput.trd)",
        r#"{"FunctionInput": {"fst": 1, "snd": 9, "trd": 2}}"#,
        r#"[1, 3, 5, 7, 9]"#,
    ),
    (
        "array_TestArray_test_array_unique#exec_hist_resp_0",
        "States.ArrayLength($.FunctionInput)",
        r#"{"FunctionInput": [null, null, true, true, false, false, 1, 1, 1.1, 0, 0, "HelloWorld", "HelloWorld", [], [], [null], [null], {"a": 1, "b": 2}, {"a": 1, "b": 2}, {"a": 1, "b": 1}]}"#,
        r#"20"#,
    ),
    (
        "generic_TestGeneric_test_escape_sequence#exec_hist_resp_0",
        "States.StringSplit('Hello\nWorld', '\n')",
        r#"{"FunctionInput": null}"#,
        r#"["Hello", "World"]"#,
    ),
    (
        "generic_TestGeneric_test_format_1#exec_hist_resp_0",
        "States.Format('Formatting argument {}.', $.FunctionInput)",
        r#"{"FunctionInput": ""}"#,
        r#""Formatting argument .""#,
    ),
    (
        "generic_TestGeneric_test_format_1#exec_hist_resp_1",
        "States.Format('Formatting argument {}.', $.FunctionInput)",
        r#"{"FunctionInput": " "}"#,
        r#""Formatting argument  .""#,
    ),
    (
        "generic_TestGeneric_test_format_1#exec_hist_resp_2",
        "States.Format('Formatting argument {}.', $.FunctionInput)",
        r#"{"FunctionInput": "HelloWorld"}"#,
        r#""Formatting argument HelloWorld.""#,
    ),
    (
        "generic_TestGeneric_test_format_1#exec_hist_resp_3",
        "States.Format('Formatting argument {}.', $.FunctionInput)",
        r#"{"FunctionInput": null}"#,
        r#""Formatting argument null.""#,
    ),
    (
        "generic_TestGeneric_test_format_1#exec_hist_resp_4",
        "States.Format('Formatting argument {}.', $.FunctionInput)",
        r#"{"FunctionInput": 1}"#,
        r#""Formatting argument 1.""#,
    ),
    (
        "generic_TestGeneric_test_format_1#exec_hist_resp_5",
        "States.Format('Formatting argument {}.', $.FunctionInput)",
        r#"{"FunctionInput": 1.1}"#,
        r#""Formatting argument 1.1.""#,
    ),
    (
        "generic_TestGeneric_test_format_1#exec_hist_resp_6",
        "States.Format('Formatting argument {}.', $.FunctionInput)",
        r#"{"FunctionInput": "{\"Arg1\": 1, \"Arg2\": []}"}"#,
        r#""Formatting argument {\"Arg1\": 1, \"Arg2\": []}.""#,
    ),
    (
        "generic_TestGeneric_test_format_2#exec_hist_resp_0",
        "States.Format('Formatting arguments fst={} and snd={}.', $.FunctionInput.fst, $.FunctionInput.snd)",
        r#"{"FunctionInput": {"fst": "", "snd": ""}}"#,
        r#""Formatting arguments fst= and snd=.""#,
    ),
    (
        "generic_TestGeneric_test_format_2#exec_hist_resp_1",
        "States.Format('Formatting arguments fst={} and snd={}.', $.FunctionInput.fst, $.FunctionInput.snd)",
        r#"{"FunctionInput": {"fst": " ", "snd": " "}}"#,
        r#""Formatting arguments fst=  and snd= .""#,
    ),
    (
        "generic_TestGeneric_test_format_2#exec_hist_resp_2",
        "States.Format('Formatting arguments fst={} and snd={}.', $.FunctionInput.fst, $.FunctionInput.snd)",
        r#"{"FunctionInput": {"fst": "HelloWorld", "snd": "HelloWorld"}}"#,
        r#""Formatting arguments fst=HelloWorld and snd=HelloWorld.""#,
    ),
    (
        "generic_TestGeneric_test_format_2#exec_hist_resp_3",
        "States.Format('Formatting arguments fst={} and snd={}.', $.FunctionInput.fst, $.FunctionInput.snd)",
        r#"{"FunctionInput": {"fst": null, "snd": null}}"#,
        r#""Formatting arguments fst=null and snd=null.""#,
    ),
    (
        "generic_TestGeneric_test_format_2#exec_hist_resp_4",
        "States.Format('Formatting arguments fst={} and snd={}.', $.FunctionInput.fst, $.FunctionInput.snd)",
        r#"{"FunctionInput": {"fst": 1, "snd": 1}}"#,
        r#""Formatting arguments fst=1 and snd=1.""#,
    ),
    (
        "generic_TestGeneric_test_format_2#exec_hist_resp_5",
        "States.Format('Formatting arguments fst={} and snd={}.', $.FunctionInput.fst, $.FunctionInput.snd)",
        r#"{"FunctionInput": {"fst": 1.1, "snd": 1.1}}"#,
        r#""Formatting arguments fst=1.1 and snd=1.1.""#,
    ),
    (
        "generic_TestGeneric_test_format_2#exec_hist_resp_6",
        "States.Format('Formatting arguments fst={} and snd={}.', $.FunctionInput.fst, $.FunctionInput.snd)",
        r#"{"FunctionInput": {"fst": "{\"Arg1\": 1, \"Arg2\": []}", "snd": "{\"Arg1\": 1, \"Arg2\": []}"}}"#,
        r#""Formatting arguments fst={\"Arg1\": 1, \"Arg2\": []} and snd={\"Arg1\": 1, \"Arg2\": []}.""#,
    ),
    (
        "generic_TestGeneric_test_format_2#exec_hist_resp_7",
        "States.Format('Formatting arguments fst={} and snd={}.', $.FunctionInput.fst, $.FunctionInput.snd)",
        r#"{"FunctionInput": {"fst": {"Arg1": 1, "Arg2": []}, "snd": {"Arg1": 1, "Arg2": []}}}"#,
        r#""Formatting arguments fst={Arg1=1, Arg2=[]} and snd={Arg1=1, Arg2=[]}.""#,
    ),
    (
        "generic_TestGeneric_test_nested_calls_1#exec_hist_resp_0",
        "States.ArrayGetItem(States.StringSplit($$.StateMachine.Name, '-'), 0)",
        r#"{"FunctionInput": null}"#,
        r#""<ArnPart_0idx>""#,
    ),
    (
        "generic_TestGeneric_test_nested_calls_2#exec_hist_resp_0",
        "States.ArrayGetItem(States.StringSplit($$.StateMachine.Name, '-'), States.MathAdd(States.ArrayLength(States.StringSplit($$.StateMachine.Name, '-')), -1))",
        r#"{"FunctionInput": null}"#,
        r#""<ArnPart_0idx>""#,
    ),
    (
        "json_manipulation_TestJsonManipulation_test_json_merge#exec_hist_resp_0",
        "States.JsonMerge($.FunctionInput.fst, $.FunctionInput.snd, false)",
        r#"{"FunctionInput": {"fst": {"a": {"a1": 1, "a2": 2}, "b": 2, "d": 3}, "snd": {"a": {"a3": 1, "a4": 2}, "c": 3, "d": 4}}}"#,
        r#"{"a": {"a3": 1, "a4": 2}, "b": 2, "c": 3, "d": 4}"#,
    ),
    (
        "json_manipulation_TestJsonManipulation_test_json_to_string#exec_hist_resp_0",
        "States.JsonToString($.FunctionInput)",
        r#"{"FunctionInput": null}"#,
        r#""null""#,
    ),
    (
        "json_manipulation_TestJsonManipulation_test_json_to_string#exec_hist_resp_1",
        "States.JsonToString($.FunctionInput)",
        r#"{"FunctionInput": 0}"#,
        r#""0""#,
    ),
    (
        "json_manipulation_TestJsonManipulation_test_json_to_string#exec_hist_resp_2",
        "States.JsonToString($.FunctionInput)",
        r#"{"FunctionInput": 1}"#,
        r#""1""#,
    ),
    (
        "json_manipulation_TestJsonManipulation_test_json_to_string#exec_hist_resp_3",
        "States.JsonToString($.FunctionInput)",
        r#"{"FunctionInput": 1.1}"#,
        r#""1.1""#,
    ),
    (
        "json_manipulation_TestJsonManipulation_test_json_to_string#exec_hist_resp_4",
        "States.JsonToString($.FunctionInput)",
        r#"{"FunctionInput": true}"#,
        r#""true""#,
    ),
    (
        "json_manipulation_TestJsonManipulation_test_json_to_string#exec_hist_resp_5",
        "States.JsonToString($.FunctionInput)",
        r#"{"FunctionInput": "HelloWorld"}"#,
        r#""\"HelloWorld\"""#,
    ),
    (
        "json_manipulation_TestJsonManipulation_test_json_to_string#exec_hist_resp_6",
        "States.JsonToString($.FunctionInput)",
        r#"{"FunctionInput": [1, 2, "HelloWorld"]}"#,
        r#""[1,2,\"HelloWorld\"]""#,
    ),
    (
        "json_manipulation_TestJsonManipulation_test_json_to_string#exec_hist_resp_7",
        "States.JsonToString($.FunctionInput)",
        r#"{"FunctionInput": {"Arg1": 1, "Arg2": []}}"#,
        r#""{\"Arg1\":1,\"Arg2\":[]}""#,
    ),
    (
        "math_operations_TestMathOperations_test_math_add#exec_hist_resp_0",
        "States.MathAdd($.FunctionInput.fst, $.FunctionInput.snd)",
        r#"{"FunctionInput": {"fst": -9, "snd": 3}}"#,
        r#"-6"#,
    ),
    (
        "math_operations_TestMathOperations_test_math_add#exec_hist_resp_1",
        "States.MathAdd($.FunctionInput.fst, $.FunctionInput.snd)",
        r#"{"FunctionInput": {"fst": 1.49, "snd": 1.5}}"#,
        r#"3"#,
    ),
    (
        "math_operations_TestMathOperations_test_math_add#exec_hist_resp_10",
        "States.MathAdd($.FunctionInput.fst, $.FunctionInput.snd)",
        r#"{"FunctionInput": {"fst": -1.5, "snd": 0}}"#,
        r#"-1"#,
    ),
    (
        "math_operations_TestMathOperations_test_math_add#exec_hist_resp_11",
        "States.MathAdd($.FunctionInput.fst, $.FunctionInput.snd)",
        r#"{"FunctionInput": {"fst": -1.51, "snd": 0}}"#,
        r#"-2"#,
    ),
    (
        "math_operations_TestMathOperations_test_math_add#exec_hist_resp_12",
        "States.MathAdd($.FunctionInput.fst, $.FunctionInput.snd)",
        r#"{"FunctionInput": {"fst": 0.5, "snd": 0}}"#,
        r#"1"#,
    ),
    (
        "math_operations_TestMathOperations_test_math_add#exec_hist_resp_13",
        "States.MathAdd($.FunctionInput.fst, $.FunctionInput.snd)",
        r#"{"FunctionInput": {"fst": 1.5, "snd": 0}}"#,
        r#"2"#,
    ),
    (
        "math_operations_TestMathOperations_test_math_add#exec_hist_resp_14",
        "States.MathAdd($.FunctionInput.fst, $.FunctionInput.snd)",
        r#"{"FunctionInput": {"fst": 2.5, "snd": 0}}"#,
        r#"3"#,
    ),
    (
        "math_operations_TestMathOperations_test_math_add#exec_hist_resp_15",
        "States.MathAdd($.FunctionInput.fst, $.FunctionInput.snd)",
        r#"{"FunctionInput": {"fst": 3.5, "snd": 0}}"#,
        r#"4"#,
    ),
    (
        "math_operations_TestMathOperations_test_math_add#exec_hist_resp_16",
        "States.MathAdd($.FunctionInput.fst, $.FunctionInput.snd)",
        r#"{"FunctionInput": {"fst": -0.5, "snd": 0.5}}"#,
        r#"1"#,
    ),
    (
        "math_operations_TestMathOperations_test_math_add#exec_hist_resp_17",
        "States.MathAdd($.FunctionInput.fst, $.FunctionInput.snd)",
        r#"{"FunctionInput": {"fst": -0.5, "snd": 0}}"#,
        r#"0"#,
    ),
    (
        "math_operations_TestMathOperations_test_math_add#exec_hist_resp_18",
        "States.MathAdd($.FunctionInput.fst, $.FunctionInput.snd)",
        r#"{"FunctionInput": {"fst": -1.5, "snd": 0}}"#,
        r#"-1"#,
    ),
    (
        "math_operations_TestMathOperations_test_math_add#exec_hist_resp_19",
        "States.MathAdd($.FunctionInput.fst, $.FunctionInput.snd)",
        r#"{"FunctionInput": {"fst": -2.5, "snd": 0}}"#,
        r#"-2"#,
    ),
    (
        "math_operations_TestMathOperations_test_math_add#exec_hist_resp_2",
        "States.MathAdd($.FunctionInput.fst, $.FunctionInput.snd)",
        r#"{"FunctionInput": {"fst": 1.5, "snd": 1.51}}"#,
        r#"4"#,
    ),
    (
        "math_operations_TestMathOperations_test_math_add#exec_hist_resp_20",
        "States.MathAdd($.FunctionInput.fst, $.FunctionInput.snd)",
        r#"{"FunctionInput": {"fst": -3.5, "snd": 0}}"#,
        r#"-3"#,
    ),
    (
        "math_operations_TestMathOperations_test_math_add#exec_hist_resp_3",
        "States.MathAdd($.FunctionInput.fst, $.FunctionInput.snd)",
        r#"{"FunctionInput": {"fst": -1.49, "snd": -1.5}}"#,
        r#"-2"#,
    ),
    (
        "math_operations_TestMathOperations_test_math_add#exec_hist_resp_4",
        "States.MathAdd($.FunctionInput.fst, $.FunctionInput.snd)",
        r#"{"FunctionInput": {"fst": -1.5, "snd": -1.51}}"#,
        r#"-3"#,
    ),
    (
        "math_operations_TestMathOperations_test_math_add#exec_hist_resp_5",
        "States.MathAdd($.FunctionInput.fst, $.FunctionInput.snd)",
        r#"{"FunctionInput": {"fst": 1.49, "snd": 0}}"#,
        r#"1"#,
    ),
    (
        "math_operations_TestMathOperations_test_math_add#exec_hist_resp_6",
        "States.MathAdd($.FunctionInput.fst, $.FunctionInput.snd)",
        r#"{"FunctionInput": {"fst": 1.49, "snd": -1.49}}"#,
        r#"0"#,
    ),
    (
        "math_operations_TestMathOperations_test_math_add#exec_hist_resp_7",
        "States.MathAdd($.FunctionInput.fst, $.FunctionInput.snd)",
        r#"{"FunctionInput": {"fst": 1.5, "snd": 0}}"#,
        r#"2"#,
    ),
    (
        "math_operations_TestMathOperations_test_math_add#exec_hist_resp_8",
        "States.MathAdd($.FunctionInput.fst, $.FunctionInput.snd)",
        r#"{"FunctionInput": {"fst": 1.51, "snd": 0}}"#,
        r#"2"#,
    ),
    (
        "math_operations_TestMathOperations_test_math_add#exec_hist_resp_9",
        "States.MathAdd($.FunctionInput.fst, $.FunctionInput.snd)",
        r#"{"FunctionInput": {"fst": -1.49, "snd": 0}}"#,
        r#"-1"#,
    ),
    (
        "string_operations_TestStringOperations_test_string_split#exec_hist_resp_0",
        "States.StringSplit($.FunctionInput.fst, $.FunctionInput.snd)",
        r#"{"FunctionInput": {"fst": " ", "snd": ","}}"#,
        r#"[" "]"#,
    ),
    (
        "string_operations_TestStringOperations_test_string_split#exec_hist_resp_1",
        "States.StringSplit($.FunctionInput.fst, $.FunctionInput.snd)",
        r#"{"FunctionInput": {"fst": " , ", "snd": ","}}"#,
        r#"[" ", " "]"#,
    ),
    (
        "string_operations_TestStringOperations_test_string_split#exec_hist_resp_2",
        "States.StringSplit($.FunctionInput.fst, $.FunctionInput.snd)",
        r#"{"FunctionInput": {"fst": ", , ,", "snd": ","}}"#,
        r#"[" ", " "]"#,
    ),
    (
        "string_operations_TestStringOperations_test_string_split#exec_hist_resp_3",
        "States.StringSplit($.FunctionInput.fst, $.FunctionInput.snd)",
        r#"{"FunctionInput": {"fst": ",,,,", "snd": ","}}"#,
        r#"[]"#,
    ),
    (
        "string_operations_TestStringOperations_test_string_split#exec_hist_resp_4",
        "States.StringSplit($.FunctionInput.fst, $.FunctionInput.snd)",
        r#"{"FunctionInput": {"fst": "1,2,3,4,5", "snd": ","}}"#,
        r#"["1", "2", "3", "4", "5"]"#,
    ),
    (
        "string_operations_TestStringOperations_test_string_split#exec_hist_resp_5",
        "States.StringSplit($.FunctionInput.fst, $.FunctionInput.snd)",
        r#"{"FunctionInput": {"fst": "This.is+a,test=string", "snd": ".+,="}}"#,
        r#"["This", "is", "a", "test", "string"]"#,
    ),
    (
        "string_operations_TestStringOperations_test_string_split#exec_hist_resp_6",
        "States.StringSplit($.FunctionInput.fst, $.FunctionInput.snd)",
        r#"{"FunctionInput": {"fst": "split on T and \nnew line", "snd": "T\n"}}"#,
        r#"["split on ", " and ", "new line"]"#,
    ),
    (
        "string_operations_TestStringOperations_test_string_split_context_object#exec_hist_resp_0",
        "States.StringSplit($$.Execution.Input.FunctionInput, ',')",
        r#"{"FunctionInput": "Value1,Value2,Value3\nValue4,Value5,Value6\n,,,\ntrue,1,'HelloWorld'\nNull,None,\n   \n"}"#,
        r#"["Value1", "Value2", "Value3\nValue4", "Value5", "Value6\n", "\ntrue", "1", "'HelloWorld'\nNull", "None", "\n   \n"]"#,
    ),
];

#[test]
fn single_call_cases_give_what_aws_gave() {
    for (case, call, input, expected) in SINGLE_CALL_CASES {
        let input: Value = serde_json::from_str(input).expect(case);
        let expected: Value = serde_json::from_str(expected).expect(case);
        let mut env = TestEnv::new(input.clone()).with_context(json!({
            "Execution": {"Input": input},
            "StateMachine": {"Name": "<ArnPart_0idx>"}
        }));
        match env.eval(call) {
            Ok(actual) => assert_eq!(actual, expected, "{case}: {call}"),
            Err(failure) => panic!("{case}: {call} failed: {failure}"),
        }
    }
}

/// test_math_random: AWS's outputs were replaced by a placeholder when recorded; what remains
/// checkable is an integer from the rounded start (included) to the rounded end (excluded).
#[test]
fn math_random_cases_draw_in_range() {
    let cases = [(12.5, 44.51, 13, 45), (9999.0, 99999.0, 9999, 99999), (-99999.0, -9999.0, -99999, -9999)];
    for (fst, snd, low, high) in cases {
        let mut env = TestEnv::new(json!({"FunctionInput": {"fst": fst, "snd": snd}}));
        for _ in 0..200 {
            let value = env.eval("States.MathRandom($.FunctionInput.fst, $.FunctionInput.snd)").expect("draws");
            let n = value.as_i64().expect("an integer");
            assert!((low..high).contains(&n), "{n} not in [{low}, {high})");
        }
    }
}

/// assign BASE_REFERENCE_IN_INTRINSIC_FUNCTION: every family reading variables.
#[test]
fn reference_in_intrinsic_function_case() {
    let variables = json!({
        "inputArray": [1, 2, 3, 4, 5, 6, 7, 8, 9], "duplicateArray": [1, 2, 2, 3, 3, 4],
        "rawString": "Hello World", "encodedString": "SGVsbG8gV29ybGQ=",
        "inputString": "Hash this string", "json1": {"a": 1, "b": 2}, "json2": {"c": 3, "d": 4},
        "jsonString": "{\"key\":\"value\"}", "jsonObject": {"test": "object"}, "value1": 5,
        "value2": 3, "csvString": "a,b,c,d,e", "name": "John", "place": "LocalStack",
        "additionalInfo": {"age": 30, "role": "developer"}
    });
    let mut env = TestEnv::new(json!({})).with_variables(variables);
    let cases = [
        ("States.Base64Encode($rawString)", json!("SGVsbG8gV29ybGQ=")),
        ("States.Base64Decode($encodedString)", json!("Hello World")),
        (
            "States.Hash($inputString, 'SHA-256')",
            json!("1cac63f39fd68d8c531f27b807610fb3d50f0fc3f186995767fb6316e7200a3e"),
        ),
        ("States.JsonMerge($json1, $json2, false)", json!({"a": 1, "b": 2, "c": 3, "d": 4})),
        ("States.StringToJson($jsonString)", json!({"key": "value"})),
        ("States.JsonToString($jsonObject)", json!("{\"test\":\"object\"}")),
        ("States.MathAdd($value1, $value2)", json!(8)),
        ("States.StringSplit($csvString, ',')", json!(["a", "b", "c", "d", "e"])),
        ("States.Format('Hello {}, welcome to {}!', $name, $place)", json!("Hello John, welcome to LocalStack!")),
    ];
    for (call, expected) in cases {
        assert_eq!(env.eval(call).expect(call), expected, "{call}");
    }
    let uuid = env.eval("States.UUID()").expect("uuid");
    assert_eq!(uuid.as_str().map(str::len), Some(36));
}

/// assign BASE_ASSIGN_FROM_INTRINSIC_FUNCTION: AWS recorded only that the state succeeded (the
/// assigned values are not in the recording); these are the documented results.
#[test]
fn assign_from_intrinsic_function_case() {
    let input = json!({
        "inputArray": [1, 2, 3, 4, 5, 6], "duplicateArray": [1, 2, 2, 3, 3, 4],
        "json1": {"a": 1, "b": 2}, "json2": {"c": 3, "d": 4}
    });
    let mut env = TestEnv::new(input);
    let cases = [
        ("States.Array('a', 'b', 'c')", json!(["a", "b", "c"])),
        ("States.ArrayPartition($.inputArray, 2)", json!([[1, 2], [3, 4], [5, 6]])),
        ("States.ArrayContains($.inputArray, 5)", json!(true)),
        ("States.ArrayRange(1, 10, 2)", json!([1, 3, 5, 7, 9])),
        ("States.ArrayGetItem($.inputArray, 2)", json!(3)),
        ("States.ArrayLength($.inputArray)", json!(6)),
        ("States.ArrayUnique($.duplicateArray)", json!([1, 2, 3, 4])),
    ];
    for (call, expected) in cases {
        assert_eq!(env.eval(call).expect(call), expected, "{call}");
    }
}

/// assign BASE_REFERENCE_IN_ITERATOR_OUTER_SCOPE: nested MathAdd over variables, one a float.
#[test]
fn nested_math_add_over_variables_case() {
    let mut env =
        TestEnv::new(json!({})).with_variables(json!({"xCurrent": 9, "yCurrent": 44, "zCurrent": 6, "bias": 4.3}));
    let call = "States.MathAdd(States.MathAdd(States.MathAdd($yCurrent, $xCurrent), $zCurrent), $bias)";
    assert_eq!(env.eval(call).expect(call), json!(63));
}

/// MAP_STATE_REFERENCE_IN_INTRINSIC_FUNCTION / _IN_ITEMS_PATH: a template read from a variable
/// or the input, filled from the context object.
#[test]
fn format_with_template_from_data_cases() {
    for (name, expected) in [("Charizard", "It's Charizard!"), ("Pikachu", "It's Pikachu!")] {
        let mut env = TestEnv::new(json!({"AnswerTemplate": "It's {}!"}))
            .with_variables(json!({"AnswerTemplate": "It's {}!"}))
            .with_context(json!({"Map": {"Item": {"Value": name}}}));
        for call in
            ["States.Format($AnswerTemplate, $$.Map.Item.Value)", "States.Format($.AnswerTemplate, $$.Map.Item.Value)"]
        {
            assert_eq!(env.eval(call).expect(call), json!(expected), "{call}");
        }
    }
}

/// base test_state_fail_intrinsic (ErrorPath/CausePath) and the credentials RoleArn case.
#[test]
fn format_in_fail_state_and_credentials_cases() {
    let mut env = TestEnv::new(json!({
        "Error": "error string", "Cause": "cause string", "CredentialsRoleArn": "<trusted_role_arn>"
    }));
    let cases = [
        ("States.Format('{}', $.Error)", "error string"),
        (
            "States.Format('This is a custom error message for {}, caused by {}.', $.Error, $.Cause)",
            "This is a custom error message for error string, caused by cause string.",
        ),
        ("States.Format('{}', $.CredentialsRoleArn)", "<trusted_role_arn>"),
    ];
    for (call, expected) in cases {
        assert_eq!(env.eval(call).expect(call), json!(expected), "{call}");
    }
}

/// The Map re-entrant scenarios: a loop counter and the items it iterates over.
#[test]
fn counter_and_range_in_reentrant_map_cases() {
    let mut env = TestEnv::new(json!({"Iterations": 2}));
    assert_eq!(env.eval("States.MathAdd($.Iterations, -1)").expect("add"), json!(1));
    assert_eq!(env.eval("States.ArrayRange(0, 3, 1)").expect("range"), json!([0, 1, 2, 3]));
}
