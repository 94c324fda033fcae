/** The Vietnamese words officials use for submission and task statuses. */
import type { SubmissionStatus, TaskStatus } from "../model/compile-result.js";

/** Submission status labels (GLOSSARY). */
export const SUBMISSION_LABELS: Record<SubmissionStatus, string> = {
  "on-time": "Nộp đúng hạn",
  late: "Nộp muộn",
  undated: "Đã nộp, không rõ thời gian",
  pending: "Chưa nộp (còn hạn)",
  overdue: "Chưa nộp (quá hạn)",
};

/** Task status labels (the Government Office's four, plus units that sent nothing). */
export const TASK_LABELS: Record<TaskStatus, string> = {
  "done-on-time": "Hoàn thành đúng hạn",
  "done-late": "Hoàn thành quá hạn",
  "open-in-time": "Chưa hoàn thành, còn trong hạn",
  "open-overdue": "Chưa hoàn thành, quá hạn",
  "not-reported": "Chưa báo cáo",
};
