#pragma once

#include "ApiError.h"

#include <optional>
#include <utility>

// A value or an ApiError. Every asynchronous job hands its callback one of these.
template<typename T>
class Result
{
public:
    Result(T value) : m_value(std::move(value)) {}            // NOLINT(google-explicit-constructor)
    Result(ApiError error) : m_error(std::move(error)) {}     // NOLINT(google-explicit-constructor)

    bool ok() const { return m_value.has_value(); }
    explicit operator bool() const { return ok(); }
    const T &value() const { return *m_value; }
    T &value() { return *m_value; }
    const T *operator->() const { return &*m_value; }
    const ApiError &error() const { return m_error; }

private:
    std::optional<T> m_value;
    ApiError m_error;
};

struct Done {};
