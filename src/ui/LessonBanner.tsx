import type { ReactNode } from 'react';
import { LESSONS } from '../lessons/lessons';
import { useAppState, useServices } from './appContext';
import { useShown } from './Hideable';
import { updateView } from './store';

/** The lesson the page was opened for: its title and the question for the class, above the workspace. */
export function LessonBanner(): ReactNode {
  const { store } = useServices();
  const id = useAppState((state) => state.view.lesson);
  const lessonsShown = useShown('lessons');
  const lesson = LESSONS.find((candidate) => candidate.id === id);
  if (!lesson) return null;
  return (
    <div className="lesson-banner" role="note" aria-label="Lesson">
      <strong>
        Lesson {LESSONS.indexOf(lesson) + 1}: {lesson.title}
      </strong>
      <span>{lesson.question}</span>
      {lessonsShown && (
        <button type="button" className="small" onClick={() => updateView(store, { panel: 'lessons' })}>
          More
        </button>
      )}
    </div>
  );
}
