// Read kg's exports the way Gephi Lite does (graphology-gexf, graphology-graphml) and print,
// as JSON, the node and edge counts and each attribute name with the JS types of its values.
// Usage: node read_exports.mjs FILE.gexf|FILE.graphml
import { readFileSync } from "node:fs";
import graphology from "graphology";
import gexf from "graphology-gexf";
import graphml from "graphology-graphml";

const file = process.argv[2];
const text = readFileSync(file, "utf-8");
const reader = file.endsWith(".gexf") ? gexf : graphml;
const graph = reader.parse(graphology.MultiGraph, text);
const types = (entries) => {
  const out = {};
  for (const attrs of entries) {
    for (const [k, v] of Object.entries(attrs)) {
      (out[k] ??= new Set()).add(typeof v);
    }
  }
  return Object.fromEntries(Object.entries(out).map(([k, s]) => [k, [...s].sort()]));
};
const nodes = [];
graph.forEachNode((_, a) => nodes.push(a));
const edges = [];
graph.forEachEdge((_, a) => edges.push(a));
console.log(JSON.stringify({ nodes: graph.order, edges: graph.size, nodeAttributes: types(nodes), edgeAttributes: types(edges) }));
