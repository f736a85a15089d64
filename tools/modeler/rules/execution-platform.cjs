// sprintflow/execution-platform: the diagram declares itself a Camunda 8 diagram.
// Camunda Modeler picks its rule set from modeler:executionPlatform + modeler:executionPlatformVersion
// (e.g. "Camunda Cloud" + "8.6.0" -> camunda-cloud-8-6) and lints nothing without them; it also opens
// such a file as a Camunda 7 diagram. Our linter applies explicit configs, so without this rule a
// diagram would pass here and show no checks (or the wrong ones) in the Modeler.

const VERSION = /^\d+\.\d+(\.\d+)?$/;

module.exports = function() {

  function check(node, reporter) {
    if (!node.$instanceOf('bpmn:Definitions')) {
      return;
    }

    const platform = node.get('modeler:executionPlatform');
    const version = node.get('modeler:executionPlatformVersion');

    if (platform !== 'Camunda Cloud') {
      reporter.report(node.id, platform
        ? `modeler:executionPlatform is "${platform}", expected "Camunda Cloud" (Camunda 8)`
        : 'Missing modeler:executionPlatform="Camunda Cloud": Camunda Modeler treats the file as Camunda 7 and applies no Camunda 8 checks');
    }

    if (!version) {
      reporter.report(node.id, 'Missing modeler:executionPlatformVersion (e.g. "8.6.0"): Camunda Modeler picks its checks from it');
    } else if (!VERSION.test(version)) {
      reporter.report(node.id, `modeler:executionPlatformVersion "${version}" is not a version like "8.6.0"`);
    }

    return false;
  }

  return { check };
};
