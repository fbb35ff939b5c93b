// Stands in for `protobufjs/minimal`, which @datadog/sketches-js requires only inside
// DDSketch.toProto/fromProto (never called here) and does not list as a dependency.
export default {};
