import type { Selection } from 'd3';
import type { Svg } from './dom';
import { css } from './theme';

type G = Selection<SVGGElement, unknown, null, undefined>;

/** The topology's SVG layers, bottom to top, and the in-flight counter at its top left. */
export function addLayers(svg: Svg) {
  const gLinks: G = svg.append('g').attr('class', 'links');
  const gStanding: G = svg.append('g').attr('class', 'connections');
  const gFaults: G = svg.append('g').attr('class', 'faults');
  const gNodes: G = svg.append('g').attr('class', 'nodes');
  const gHover: G = svg.append('g').attr('class', 'hover').style('pointer-events', 'none');
  const gHud: G = svg.append('g').attr('class', 'hud').style('pointer-events', 'none');
  const gLegend: G = svg.append('g').attr('class', 'legend').style('pointer-events', 'none');
  const gRegroup: G = svg.append('g').attr('class', 'crowd-controls');
  const inFlightText = gHud
    .append('text')
    .attr('x', 12)
    .attr('y', 20)
    .attr('font-size', 12)
    .style('fill', css.muted);

  return { gLinks, gStanding, gFaults, gNodes, gHover, gLegend, gRegroup, inFlightText };
}
