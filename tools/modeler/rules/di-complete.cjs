// sprintflow/di-complete: every element Camunda Modeler draws has diagram interchange of the right kind.
// bpmnlint's own no-bpmndi only checks that *some* DI references an element; a sequence flow drawn as
// a shape, a shape without bounds, an edge without waypoints or DI pointing at nothing all pass it,
// yet bpmn-js then drops or misplaces the element. Generated diagrams make exactly these mistakes.

const SHAPE_TYPES = [
  'bpmn:FlowNode', // tasks, events (incl. boundary events), gateways, sub-processes
  'bpmn:DataObjectReference',
  'bpmn:DataStoreReference',
  'bpmn:Participant',
  'bpmn:Lane',
  'bpmn:TextAnnotation',
  'bpmn:Group'
];

const EDGE_TYPES = [
  'bpmn:SequenceFlow',
  'bpmn:MessageFlow',
  'bpmn:Association',
  'bpmn:DataInputAssociation',
  'bpmn:DataOutputAssociation'
];

module.exports = function() {

  function check(node, reporter) {
    if (!node.$instanceOf('bpmn:Definitions')) {
      return;
    }

    const diagrams = node.get('diagrams') || [];
    if (diagrams.length === 0) {
      reporter.report(node.id, 'Diagram has no BPMNDiagram: Camunda Modeler cannot show any of it');
      return false;
    }

    const diByElement = collectDi(diagrams, reporter);

    for (const element of drawableElements(node.get('rootElements') || [])) {
      const needsShape = SHAPE_TYPES.some(t => element.$instanceOf(t));
      const expected = needsShape ? 'bpmndi:BPMNShape' : 'bpmndi:BPMNEdge';
      const dis = diByElement.get(element) || [];
      const ofKind = dis.filter(di => di.$instanceOf(expected));

      if (ofKind.length === 0) {
        const other = dis.length ? ` (it has a ${dis[0].$type} instead)` : '';
        reporter.report(element.id, `Missing ${expected} for <${element.$type}>${other}`);
      } else if (ofKind.length > 1) {
        reporter.report(element.id, `${ofKind.length} ${expected}s for one element: ${ofKind.map(d => d.id).join(', ')}`);
      } else if (needsShape && !ofKind[0].bounds) {
        reporter.report(element.id, `${expected} ${ofKind[0].id} has no dc:Bounds`);
      } else if (!needsShape && (ofKind[0].waypoint || []).length < 2) {
        reporter.report(element.id, `${expected} ${ofKind[0].id} has fewer than two di:waypoint`);
      }
    }

    // Checked once on the definitions; no need to descend.
    return false;
  }

  return { check };
};

/** Map from BPMN element to its DI elements; reports DI that references nothing. */
function collectDi(diagrams, reporter) {
  const map = new Map();
  for (const diagram of diagrams) {
    const plane = diagram.plane;
    if (!plane || !plane.bpmnElement) {
      reporter.report(diagram.id, 'BPMNDiagram has no BPMNPlane referencing a process, collaboration or sub-process');
      continue;
    }
    for (const di of plane.get('planeElement') || []) {
      if (!di.bpmnElement) {
        reporter.report(di.id, `${di.$type} ${di.id} references no BPMN element (bpmnElement missing or unknown)`);
        continue;
      }
      if (!map.has(di.bpmnElement)) map.set(di.bpmnElement, []);
      map.get(di.bpmnElement).push(di);
    }
  }
  return map;
}

/** Every element that needs DI, in processes, sub-processes, lanes and collaborations. */
function drawableElements(rootElements) {
  const out = [];

  function visitContainer(container) {
    for (const el of container.get('flowElements') || []) {
      if (isDrawable(el)) out.push(el);
      for (const assoc of [...(el.dataInputAssociations || []), ...(el.dataOutputAssociations || [])]) out.push(assoc);
      if (el.$instanceOf('bpmn:FlowElementsContainer')) visitContainer(el);
    }
    for (const artifact of container.get('artifacts') || []) out.push(artifact);
    for (const laneSet of container.get('laneSets') || []) visitLaneSet(laneSet);
  }

  function visitLaneSet(laneSet) {
    for (const lane of laneSet.get('lanes') || []) {
      out.push(lane);
      if (lane.childLaneSet) visitLaneSet(lane.childLaneSet);
    }
  }

  for (const root of rootElements) {
    if (root.$instanceOf('bpmn:Process')) {
      visitContainer(root);
    } else if (root.$instanceOf('bpmn:Collaboration')) {
      out.push(...(root.get('participants') || []), ...(root.get('messageFlows') || []), ...(root.get('artifacts') || []));
    }
  }
  return out;
}

function isDrawable(el) {
  return [...SHAPE_TYPES, ...EDGE_TYPES].some(t => el.$instanceOf(t));
}
