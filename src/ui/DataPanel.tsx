import type { ReactNode } from 'react';
import { deriveSeed } from '../core/rng';
import { SETTINGS } from '../core/settings';
import { MAX_CLASSES } from '../core/task';
import { presetUsesClasses } from '../data/presets';
import { DATA_SOURCES } from '../data/presets/registry';
import { useAppState, useServices } from './appContext';
import { DrawingTools } from './DrawingTools';
import { NumberField, SelectField } from './fields';
import { exportDataFile, importDataFile, pickFile } from './files';
import { DATASET_NAMES } from './names';
import { settingParser } from './SettingField';
import { editData, redoEdit, showNotice, undoEdit } from './store';
import { Hideable } from './Hideable';

const POINTS = settingParser(SETTINGS.points);
const CLASS_COUNTS = ['2', '3', '4', '5', '6'] as const;
// Bare numbers under the Classes label: "3 classes" was cut to "3 cla" in the narrow data panel.
const CLASS_NAMES = Object.fromEntries(CLASS_COUNTS.map((k) => [k, k])) as Record<(typeof CLASS_COUNTS)[number], string>;

/** The data: preset, noise, size, classes, split, a new seed, drawing, and CSV import/export. */
export function DataPanel(): ReactNode {
  const services = useServices();
  const { store } = services;
  const data = useAppState((state) => state.config.data);
  const customPoints = useAppState((state) => state.custom?.labels.length ?? 0);
  const canUndo = useAppState((state) => state.edits.past.length > 0);
  const canRedo = useAppState((state) => state.edits.future.length > 0);
  const custom = data.preset === 'custom';
  const takesClasses = !custom && presetUsesClasses(data.preset);
  const edit = (change: (d: typeof data) => void) => editData(store, change);
  const regenerate = () => {
    edit((d) => (d.seed = deriveSeed(d.seed, 0x5eed)));
    if (custom) showNotice(store, { kind: 'info', text: 'Regenerate on custom data keeps the points and splits them anew into training and test data.' });
  };
  return (
    <section className="panel data-panel" aria-labelledby="data-heading">
      <h2 id="data-heading">Data</h2>
      <Hideable id="dataset">
        <SelectField label="Dataset" value={data.preset} options={DATA_SOURCES} names={DATASET_NAMES} onChange={(preset) => edit((d) => (d.preset = preset))} />
      </Hideable>
      <div className="row">
        <Hideable id="regenerate">
          <button
            type="button"
            disabled={custom && customPoints === 0}
            title={custom ? 'Keeps these points and splits them anew into training and test data (a new data seed)' : 'New random points (a new data seed)'}
            onClick={regenerate}
          >
            Regenerate
          </button>
        </Hideable>
        <Hideable id="classes">
          <SelectField
            label="Classes"
            value={String(Math.min(data.classes, MAX_CLASSES)) as (typeof CLASS_COUNTS)[number]}
            options={CLASS_COUNTS}
            names={CLASS_NAMES}
            disabled={!takesClasses}
            onChange={(classes) => edit((d) => (d.classes = Number(classes)))}
          />
        </Hideable>
      </div>
      <Hideable id="noise">
        <div className="field slider">
          <label htmlFor="noise">Noise</label>
          <input id="noise" type="range" min={0} max={1} step={0.05} value={data.noise} disabled={custom} onChange={(event) => edit((d) => (d.noise = Number(event.target.value)))} />
          <span className="value">{Math.round(data.noise * 100)}%</span>
        </div>
      </Hideable>
      <Hideable id="trainFraction">
        <div className="field slider">
          <label htmlFor="train-share">Training data %</label>
          <input id="train-share" type="range" min={10} max={100} step={5} value={Math.round(data.trainFraction * 100)} onChange={(event) => edit((d) => (d.trainFraction = Number(event.target.value) / 100))} />
          <span className="value">{Math.round(data.trainFraction * 100)}%</span>
        </div>
      </Hideable>
      <Hideable id="points">
        <NumberField
          label="Points"
          value={custom ? customPoints : data.points}
          parse={(text) => POINTS.parse(text) as number | null}
          suggestions={SETTINGS.points.suggestions}
          hint={POINTS.problem}
          disabled={custom}
          onCommit={(points) => edit((d) => (d.points = points))}
        />
      </Hideable>
      <Hideable id="drawing">
        <DrawingTools />
      </Hideable>
      <div className="row" role="group" aria-label="Data edits">
        <button type="button" aria-keyshortcuts="Control+Z Meta+Z" title="Take back the last edit of the data, or of a weight typed in the diagram (Ctrl+Z)" disabled={!canUndo} onClick={() => undoEdit(store)}>
          Undo
        </button>
        <button type="button" aria-keyshortcuts="Shift+Control+Z Shift+Meta+Z" title="Make the undone edit again (Shift+Ctrl+Z)" disabled={!canRedo} onClick={() => redoEdit(store)}>
          Redo
        </button>
      </div>
      <Hideable id="dataFiles">
        <div className="row">
          <button type="button" onClick={() => exportDataFile(services)}>
            Export data
          </button>
          <button type="button" title="A CSV file with columns x1, x2, label (and optionally split)" onClick={() => pickFile('.csv,text/csv', (file) => void importDataFile(services, file))}>
            Import data
          </button>
        </div>
      </Hideable>
    </section>
  );
}
