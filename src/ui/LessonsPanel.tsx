import { useEffect, useRef, type ReactNode } from 'react';
import { COMPARE_KEY, encodeCompare } from '../io/compareLink';
import { defaultUrlState, encodeUrlState } from '../io/urlState';
import { LESSONS, type Lesson, type LessonSetup } from '../lessons/lessons';
import { useAppState, useServices } from './appContext';
import { updateView, type ViewOptions } from './store';
import { SidePanel } from './SidePanel';

/** The link that opens one setup of a lesson (in compare mode when it is a sweep), keeping the teacher's presentation choices. */
export function lessonHash(lesson: Lesson, setup: LessonSetup, view: Pick<ViewOptions, 'hidden' | 'present'> = { hidden: [], present: false }): string {
  const hash = `#${encodeUrlState({ ...defaultUrlState(), config: setup.config, lesson: lesson.id, hidden: view.hidden, present: view.present })}`;
  return setup.sweep ? `${hash}&${COMPARE_KEY}=${encodeCompare(setup.sweep)}` : hash;
}

/** The lessons that follow the lecture notes: what to say, what to ask, what to look for, and a link per experiment. Escape closes it. */
export function LessonsPanel(): ReactNode {
  const { store } = useServices();
  const view = useAppState((state) => state.view);
  const panel = useRef<HTMLElement>(null);
  // Scrolls the panel alone: scrollIntoView would scroll the page behind it as well.
  useEffect(() => {
    const current = panel.current!.querySelector<HTMLElement>('.lesson.current');
    const head = panel.current!.querySelector<HTMLElement>('.panel-head')!;
    if (current) panel.current!.scrollTop = current.offsetTop - head.offsetHeight - 2;
  }, [view.lesson]);
  return (
    <SidePanel
      label="Lessons"
      className="lessons-panel"
      panelRef={panel}
      actions={
        <button type="button" className="small" onClick={() => updateView(store, { panel: 'computes' })}>
          How Descent computes
        </button>
      }
    >
      <ol className="lessons">
        {LESSONS.map((lesson) => (
          <li key={lesson.id} className={lesson.id === view.lesson ? 'lesson current' : 'lesson'} aria-current={lesson.id === view.lesson ? 'true' : undefined}>
            <h3>{lesson.title}</h3>
            <p>{lesson.text}</p>
            <p>
              <strong>Ask:</strong> {lesson.question}
            </p>
            <p>
              <strong>Look for:</strong> {lesson.lookFor}
            </p>
            <p className="lesson-links">
              Open:{' '}
              {lesson.setups.map((setup) => (
                <a key={setup.label} href={lessonHash(lesson, setup, view)} aria-label={`${lesson.title}: ${setup.label}`}>
                  {setup.label}
                </a>
              ))}
            </p>
          </li>
        ))}
      </ol>
    </SidePanel>
  );
}
