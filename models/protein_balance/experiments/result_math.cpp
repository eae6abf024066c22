#include "models/protein_balance/experiments/result_math.hpp"

#include <algorithm>
#include <cmath>
#include <limits>

namespace myoflux::protein_balance {

double at_time(const Result& r, const char* name, double t) {
  const auto col = r.column(name);
  const Eigen::VectorXd& time = r.time_h;
  if (t <= time[0]) return col[0];
  if (t >= time[time.size() - 1]) return col[col.size() - 1];
  const double* it = std::upper_bound(time.data(), time.data() + time.size(), t);
  const Eigen::Index i = it - time.data();
  const double w = (t - time[i - 1]) / (time[i] - time[i - 1]);
  return (1 - w) * col[i - 1] + w * col[i];
}

double mean_over(const Result& r, const char* name, double t0, double t1) {
  const int n = 200;
  double sum = 0.0;
  for (int k = 0; k <= n; ++k)
    sum += (k == 0 || k == n ? 0.5 : 1.0) * at_time(r, name, t0 + (t1 - t0) * k / n);
  return sum / n;
}

double min_over(const Result& r, const char* name, double t0, double t1) {
  double m = std::numeric_limits<double>::infinity();
  const auto col = r.column(name);
  for (Eigen::Index i = 0; i < r.time_h.size(); ++i)
    if (r.time_h[i] >= t0 && r.time_h[i] <= t1) m = std::min(m, col[i]);
  return m;
}

Eigen::Index peak_index(const Result& r, const char* name) {
  Eigen::Index i = 0;
  r.column(name).maxCoeff(&i);
  return i;
}

double first_time_above(const Result& r, const char* name, double threshold, double t0) {
  for (Eigen::Index i = 0; i < r.time_h.size(); ++i)
    if (r.time_h[i] >= t0 && r.column(name)[i] > threshold) return r.time_h[i];
  return std::numeric_limits<double>::quiet_NaN();
}

double last_time_above(const Result& r, const char* name, double threshold, double t0, double t1) {
  double last = std::numeric_limits<double>::quiet_NaN();
  for (Eigen::Index i = 0; i < r.time_h.size(); ++i)
    if (r.time_h[i] >= t0 && r.time_h[i] <= t1 && r.column(name)[i] > threshold) last = r.time_h[i];
  return last;
}

double sample_near(const Result& r, const char* name, double t, double tolerance) {
  double value = std::numeric_limits<double>::quiet_NaN();
  const auto col = r.column(name);
  for (Eigen::Index i = 0; i < r.time_h.size(); ++i)
    if (std::abs(r.time_h[i] - t) < tolerance) value = col[i];
  return value;
}

}  // namespace myoflux::protein_balance
