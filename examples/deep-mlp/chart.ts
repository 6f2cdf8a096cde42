/**
 * The variance-by-depth chart as a Vega-Lite spec (log-scale pre-activation
 * variance against depth, one labelled line per configuration, the check's
 * band shaded). Rendered to SVG by vega in Node, or embedded in a page.
 */
import type {TopLevelSpec} from 'vega-lite';

import {BAND, ConfigurationResult, label} from './experiment';

/** Fifteen distinguishable colours, in CONFIGURATIONS order (ours first in each activation group). */
const PALETTE = [
  '#1f4e9c', '#2ca02c', '#98df8a', '#8c564b', '#9467bd', '#d62728', '#7f7f7f',
  '#ff7f0e', '#17becf', '#e377c2', '#bcbd22', '#c49c94',
  '#000000', '#6a3d9a', '#b15928',
];

/** One row per configuration and layer: also the CSV's content. */
export interface VarianceRow {
  configuration: string;
  activation: string;
  initializer: string;
  ours: boolean;
  layer: number;
  preActivationMean: number;
  preActivationVariance: number;
  activationMean: number;
  activationVariance: number;
  kernelScale: number;
}

export function varianceRows(results: ConfigurationResult[]): VarianceRow[] {
  return results.flatMap(({config, layers}) => layers.map((l) => ({
    configuration: label(config),
    activation: config.activation,
    initializer: config.initializer,
    ours: config.ours,
    layer: l.depth,
    preActivationMean: l.preActivation.mean,
    preActivationVariance: l.preActivation.variance,
    activationMean: l.activation.mean,
    activationVariance: l.activation.variance,
    kernelScale: l.kernelScale,
  })));
}

/** Rows as CSV text (header + one line per row). */
export function toCsv(rows: VarianceRow[]): string {
  const columns = Object.keys(rows[0] ?? {}) as Array<keyof VarianceRow>;
  const cell = (v: unknown) => (typeof v === 'string' && /[",\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : String(v));
  return [columns.join(','), ...rows.map((r) => columns.map((c) => cell(r[c])).join(','))].join('\n') + '\n';
}

/** Vega-Lite spec of the chart; `title` says what was run. */
export function varianceChartSpec(rows: VarianceRow[], title: string, targetVariance = 1): TopLevelSpec {
  // Variances of exactly 0 (underflow) cannot sit on a log axis: clamp to 1e-45.
  const values = rows.map((r) => ({...r, plotted: Math.max(r.preActivationVariance, 1e-45)}));
  const depth = Math.max(...rows.map((r) => r.layer));
  const configurations = [...new Set(rows.map((r) => r.configuration))];
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v5.json',
    title: {text: 'Pre-activation variance by depth', subtitle: title},
    width: 640,
    height: 420,
    layer: [
      {
        data: {values: [{from: 1, to: depth, low: BAND[0] * targetVariance, high: BAND[1] * targetVariance}]},
        mark: {type: 'rect', color: '#2ca02c', opacity: 0.12},
        encoding: {
          x: {field: 'from', type: 'quantitative'},
          x2: {field: 'to'},
          y: {field: 'low', type: 'quantitative'},
          y2: {field: 'high'},
        },
      },
      {
        data: {values},
        mark: {type: 'line', strokeWidth: 2, clip: true},
        encoding: {
          x: {field: 'layer', type: 'quantitative', title: 'layer (depth)', scale: {domain: [1, depth], nice: false}},
          y: {
            field: 'plotted', type: 'quantitative', title: 'pre-activation variance (log scale)',
            scale: {type: 'log', domain: [1e-8, 1e3], clamp: true}, axis: {format: '.0e', tickCount: 12},
          },
          color: {
            field: 'configuration', type: 'nominal', title: 'activation · initializer',
            // Legend in the experiment's order; this package's lines in dark blue and orange.
            scale: {domain: configurations, range: PALETTE},
            legend: {labelLimit: 420, titleLimit: 420, symbolStrokeWidth: 3},
          },
          strokeDash: {
            field: 'activation', type: 'nominal', title: 'activation',
            scale: {domain: ['elu', 'relu', 'mixed'], range: [[1, 0], [6, 3], [2, 2]]},
          },
          size: {condition: {test: 'datum.ours', value: 3.5}, value: 1.6},
        },
      },
    ],
    config: {font: 'DejaVu Sans, Helvetica, Arial, sans-serif', legend: {labelFontSize: 11, titleFontSize: 12}},
  };
}
