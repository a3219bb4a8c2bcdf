import { useRef, type Dispatch } from 'react';
import { useTranslation } from 'react-i18next';
import { FormField } from './FormField.js';
import { PRIORITIES, type LineDraft, type LineField, type LinesAction } from './lines.js';

/** The request's lines: one fieldset each, with add and remove; errors come from the API by line index. */
export function LinesEditor({
  prefix,
  lines,
  dispatch,
  errors,
  defaultNeededBy,
}: {
  prefix: string;
  lines: LineDraft[];
  dispatch: Dispatch<LinesAction>;
  errors: Record<string, string>;
  defaultNeededBy: string;
}) {
  const { t } = useTranslation();
  // A removed line takes its button with it: move focus to "Add a line" rather than lose it.
  const addButton = useRef<HTMLButtonElement>(null);
  return (
    <div className="lines-editor">
      {lines.map((line, index) => {
        const id = (field: LineField) => `${prefix}-line${line.key}-${field}`;
        const set = (field: LineField) => (event: { target: { value: string } }) =>
          dispatch({ type: 'set', key: line.key, field, value: event.target.value });
        const error = (field: LineField) => errors[`lines.${index}.${field}`];
        const n = index + 1;
        return (
          <fieldset key={line.key} className="line" data-line={n}>
            <legend>{t('crisis.line.legend', { n })}</legend>
            <div className="crisis-form__grid">
              <FormField
                id={id('item')}
                name={`lines.${index}.item`}
                label={t('crisis.line.item')}
                error={error('item')}
              >
                {(props) => <input {...props} value={line.item} onChange={set('item')} />}
              </FormField>
              <FormField
                id={id('unit')}
                name={`lines.${index}.unit`}
                label={t('crisis.line.unit')}
                error={error('unit')}
              >
                {(props) => <input {...props} size={8} value={line.unit} onChange={set('unit')} />}
              </FormField>
              <FormField
                id={id('quantity')}
                name={`lines.${index}.quantity`}
                label={t('crisis.line.quantity')}
                error={error('quantity')}
              >
                {(props) => (
                  <input
                    {...props}
                    type="number"
                    min={1}
                    step={1}
                    value={line.quantity}
                    onChange={set('quantity')}
                  />
                )}
              </FormField>
              <FormField
                id={id('neededBy')}
                name={`lines.${index}.neededBy`}
                label={t('crisis.line.neededBy')}
                error={error('neededBy')}
              >
                {(props) => <input {...props} type="date" value={line.neededBy} onChange={set('neededBy')} />}
              </FormField>
              <FormField
                id={id('priority')}
                name={`lines.${index}.priority`}
                label={t('crisis.field.priority')}
                error={error('priority')}
              >
                {(props) => (
                  <select {...props} value={line.priority} onChange={set('priority')}>
                    {PRIORITIES.map((value) => (
                      <option key={value} value={value}>
                        {t(`crisis.priority.${value}`)}
                      </option>
                    ))}
                  </select>
                )}
              </FormField>
              <FormField
                id={id('useTags')}
                name={`lines.${index}.useTags`}
                label={t('crisis.line.useTags')}
                hint={t('crisis.line.useTagsHint')}
                error={error('useTags')}
              >
                {(props) => <input {...props} value={line.useTags} onChange={set('useTags')} />}
              </FormField>
              <FormField
                id={id('region')}
                name={`lines.${index}.region`}
                label={t('crisis.line.region')}
                error={error('region')}
              >
                {(props) => <input {...props} value={line.region} onChange={set('region')} />}
              </FormField>
            </div>
            {lines.length > 1 ? (
              <button
                type="button"
                className="button-quiet"
                onClick={() => {
                  dispatch({ type: 'remove', key: line.key });
                  addButton.current?.focus();
                }}
              >
                {t('crisis.line.remove', { n })}
              </button>
            ) : null}
          </fieldset>
        );
      })}
      <button
        ref={addButton}
        type="button"
        className="button-quiet"
        onClick={() => dispatch({ type: 'add', neededBy: defaultNeededBy })}
      >
        {t('crisis.line.add')}
      </button>
    </div>
  );
}
